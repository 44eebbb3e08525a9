import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, plural } from './format.ts';

describe('format', () => {
  it('shows bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB');
    expect(formatBytes(null)).toBe('—');
  });
  it('groups digits, keeping int64 strings exact', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber('9223372036854775807')).toBe('9,223,372,036,854,775,807');
    expect(formatNumber(null)).toBe('—');
    expect(plural(1, 'partition')).toBe('1 partition');
    expect(plural(3, 'partition')).toBe('3 partitions');
  });
});
