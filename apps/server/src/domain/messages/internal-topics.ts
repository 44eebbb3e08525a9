// Kafka's internal topics read for what they are: `__consumer_offsets` keys and values decoded with the
// coordinator's codec (offset commits, classic group metadata) when the format is `auto`.
import type { DecodedData } from '@tributary/contract';
import {
  decodeGroupMetadataKey,
  decodeGroupMetadataValue,
  decodeOffsetCommitKey,
  decodeOffsetCommitValue,
  keyVersion,
} from '../consumer-groups/offsets-codec.ts';

export const CONSUMER_OFFSETS = '__consumer_offsets';

const json = (bytes: Buffer, value: unknown, maxBytes: number): DecodedData => {
  const text = JSON.stringify(value, null, 2);
  const truncated = text.length > maxBytes;
  return { format: 'json', text: truncated ? text.slice(0, maxBytes) : text, size: bytes.length, truncated };
};

/** A `__consumer_offsets` key as JSON, or undefined when it is none the codec knows (the plain formats apply). */
export function decodeConsumerOffsetsKey(key: Buffer | null, maxBytes: number): DecodedData | undefined {
  if (key === null) return undefined;
  const commit = decodeOffsetCommitKey(key);
  if (commit) return json(key, { type: 'offset commit', ...commit }, maxBytes);
  const group = decodeGroupMetadataKey(key);
  if (group) return json(key, { type: 'group metadata', ...group }, maxBytes);
  return undefined;
}

/** The value that goes with `key`; a tombstone stays null (an offset or group deleted). */
export function decodeConsumerOffsetsValue(
  key: Buffer | null,
  value: Buffer | null,
  maxBytes: number,
): DecodedData | undefined {
  if (value === null) return undefined;
  const version = keyVersion(key);
  if (version === 0 || version === 1) {
    const commit = decodeOffsetCommitValue(value);
    return commit ? json(value, commit, maxBytes) : undefined;
  }
  if (version === 2) {
    const group = decodeGroupMetadataValue(value);
    return group ? json(value, group, maxBytes) : undefined;
  }
  return undefined;
}
