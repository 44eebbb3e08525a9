import { describe, expect, it } from 'vitest';
import { formatAgo } from './time.ts';

const NOW = 1_800_000_000_000;

describe('formatAgo', () => {
  it('says how long ago, in the largest whole unit reached', () => {
    expect(formatAgo(NOW - 500, NOW, 'en-US')).toBe('now');
    expect(formatAgo(NOW + 3000, NOW, 'en-US')).toBe('now');
    expect(formatAgo(NOW - 12_000, NOW, 'en-US')).toBe('12 seconds ago');
    expect(formatAgo(NOW - 150_000, NOW, 'en-US')).toBe('2 minutes ago');
    expect(formatAgo(NOW - 3 * 3_600_000, NOW, 'en-US')).toBe('3 hours ago');
    expect(formatAgo(NOW - 49 * 3_600_000, NOW, 'en-US')).toBe('2 days ago');
  });

  it('speaks French when the interface does', () => {
    expect(formatAgo(NOW - 12_000, NOW, 'fr-FR')).toBe('il y a 12 secondes');
    expect(formatAgo(NOW, NOW, 'fr-FR')).toBe('maintenant');
  });
});
