// Decoding of `__consumer_offsets` records (the group coordinator's own log). Only offset commits are read:
// key versions 0 and 1 (OffsetCommitKey: group, topic, partition); other key versions are group metadata
// and KIP-848 member records. Value versions 0-4 as in Kafka 4.x's OffsetCommitValue schema (v4 flexible).

export interface OffsetCommitKey {
  group: string;
  topic: string;
  partition: number;
}
export interface OffsetCommitValue {
  offset: number;
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: number;
}

class Cursor {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  int16() {
    const v = this.buf.readInt16BE(this.at);
    this.at += 2;
    return v;
  }
  int32() {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
  int64() {
    const v = Number(this.buf.readBigInt64BE(this.at));
    this.at += 8;
    return v;
  }
  uvarint() {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.buf.readUInt8(this.at++);
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return value >>> 0;
    }
    throw new RangeError('varint too long');
  }
  string() {
    return this.bytes(this.int16());
  }
  compactString() {
    return this.bytes(this.uvarint() - 1);
  }
  private bytes(length: number) {
    if (length < 0) return '';
    if (this.at + length > this.buf.length) throw new RangeError('string past the end of the record');
    const s = this.buf.toString('utf8', this.at, this.at + length);
    this.at += length;
    return s;
  }
}

/** The commit key, or null for other record types (group metadata, KIP-848 records). */
export function decodeOffsetCommitKey(key: Buffer | null): OffsetCommitKey | null {
  if (!key || key.length < 2) return null;
  try {
    const c = new Cursor(key);
    const version = c.int16();
    if (version !== 0 && version !== 1) return null;
    return { group: c.string(), topic: c.string(), partition: c.int32() };
  } catch {
    return null;
  }
}

/** The commit value; null for a tombstone (deleted offset) or an unknown version. */
export function decodeOffsetCommitValue(value: Buffer | null): OffsetCommitValue | null {
  if (!value || value.length < 2) return null;
  try {
    const c = new Cursor(value);
    const version = c.int16();
    if (version < 0 || version > 4) return null;
    const offset = c.int64();
    const leaderEpoch = version >= 3 ? c.int32() : -1;
    const metadata = version >= 4 ? c.compactString() : c.string();
    const commitTimestamp = c.int64();
    return { offset, leaderEpoch, metadata, commitTimestamp };
  } catch {
    return null;
  }
}

/** Java's String.hashCode over UTF-16 code units, as the coordinator computes it. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions` */
export function offsetsPartitionFor(groupId: string, partitions: number): number {
  const h = javaStringHash(groupId);
  return (h === -2147483648 ? 0 : Math.abs(h)) % partitions;
}
