import { describe, expect, it } from 'vitest';
import { metadataVersionName } from './metadata-version.ts';

describe('metadataVersionName', () => {
  it('names feature levels as Kafka does (MetadataVersion.java)', () => {
    expect(metadataVersionName(1)).toBe('3.0-IV1');
    expect(metadataVersionName(7)).toBe('3.3-IV3'); // MINIMUM_VERSION of Kafka 4.x
    expect(metadataVersionName(21)).toBe('3.9-IV0');
    expect(metadataVersionName(25)).toBe('4.0-IV3');
    expect(metadataVersionName(29)).toBe('4.2-IV1');
    expect(metadataVersionName(30)).toBe('4.3-IV0');
    expect(metadataVersionName(34)).toBe('4.5-IV0');
  });
  it('says the level when it does not know the name', () => {
    expect(metadataVersionName(99)).toBe('metadata.version level 99');
  });
});
