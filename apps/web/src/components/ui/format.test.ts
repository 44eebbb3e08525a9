import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatNumber, humanConfigValue } from './format.ts';

describe('format', () => {
  it('shows bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3 TiB');
    expect(formatBytes(1073741824)).toBe('1 GiB');
    expect(formatBytes(null)).toBe('—');
  });
  it('groups digits, keeping int64 strings exact', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber('9223372036854775807')).toBe('9,223,372,036,854,775,807');
    expect(formatNumber(null)).toBe('—');
  });
  it('shows durations in the largest unit reached', () => {
    expect(formatDuration(604800000)).toBe('7 d');
    expect(formatDuration(3600000)).toBe('1 h');
    expect(formatDuration(90000)).toBe('1.5 min');
    expect(formatDuration(250)).toBe('250 ms');
  });
  it('reads configs in human units by their name', () => {
    expect(humanConfigValue('retention.ms', '604800000', 'unlimited')).toBe('7 d');
    expect(humanConfigValue('segment.bytes', '1073741824', 'unlimited')).toBe('1 GiB');
    expect(humanConfigValue('max.compaction.lag.ms', '9223372036854775807', 'unlimited')).toBe('unlimited');
    expect(humanConfigValue('retention.bytes', '-1', 'unlimited')).toBe('unlimited');
    expect(humanConfigValue('log.retention.hours', '168', 'unlimited')).toBe('7 d');
    expect(humanConfigValue('cleanup.policy', 'delete', 'unlimited')).toBeNull();
    expect(humanConfigValue('min.insync.replicas', '1', 'unlimited')).toBeNull();
  });
});
