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
  skipVersion() {
    this.at += 2;
    return this;
  }
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
  /** A NULLABLE_STRING (length -1 is null). */
  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.bytes(length);
  }
  /** A COMPACT_NULLABLE_STRING (length 0 is null). */
  compactNullableString(): string | null {
    const length = this.uvarint() - 1;
    return length < 0 ? null : this.bytes(length);
  }
  /** BYTES or COMPACT_BYTES: only the length is kept (subscriptions and assignments are the client's own). */
  skipBytes(compact: boolean): number {
    const length = compact ? this.uvarint() - 1 : this.int32();
    if (length > 0) this.at += length;
    return Math.max(0, length);
  }
  /** Tagged fields of a flexible version: counted and skipped. */
  skipTaggedFields() {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.at += this.uvarint();
    }
  }
  compactString() {
    return this.bytes(this.uvarint() - 1);
  }
  get done() {
    return this.at >= this.buf.length;
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

/** The key's version: 0 and 1 are offset commits, 2 group metadata, 3 and up KIP-848 consumer group records. */
export function keyVersion(key: Buffer | null): number | null {
  return key && key.length >= 2 ? key.readInt16BE(0) : null;
}

/** The group of a group-metadata key (version 2), else null. */
export function decodeGroupMetadataKey(key: Buffer | null): { group: string } | null {
  if (keyVersion(key) !== 2) return null;
  try {
    return { group: new Cursor(key!).skipVersion().string() };
  } catch {
    return null;
  }
}

export interface GroupMetadataMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  subscriptionBytes: number;
  assignmentBytes: number;
}
export interface GroupMetadataValue {
  protocolType: string;
  generation: number;
  protocol: string | null;
  leader: string | null;
  currentStateTimestamp: number;
  members: GroupMetadataMember[];
}

/** A classic group's state (GroupMetadataValue v0-4, v4 flexible); null for a tombstone or an unknown version. */
export function decodeGroupMetadataValue(value: Buffer | null): GroupMetadataValue | null {
  if (!value || value.length < 2) return null;
  try {
    const c = new Cursor(value);
    const version = c.int16();
    if (version < 0 || version > 4) return null;
    const flexible = version >= 4;
    const str = () => (flexible ? c.compactString() : c.string());
    const nullable = () => (flexible ? c.compactNullableString() : c.nullableString());
    const protocolType = str();
    const generation = c.int32();
    const protocol = nullable();
    const leader = nullable();
    const currentStateTimestamp = version >= 2 ? c.int64() : -1;
    const count = flexible ? c.uvarint() - 1 : c.int32();
    const members: GroupMetadataMember[] = [];
    for (let i = 0; i < count; i++) {
      const memberId = str();
      const groupInstanceId = version >= 3 ? nullable() : null;
      const clientId = str();
      const clientHost = str();
      const rebalanceTimeoutMs = version >= 1 ? c.int32() : -1;
      const sessionTimeoutMs = c.int32();
      const subscriptionBytes = c.skipBytes(flexible);
      const assignmentBytes = c.skipBytes(flexible);
      if (flexible) c.skipTaggedFields();
      members.push({
        memberId,
        groupInstanceId,
        clientId,
        clientHost,
        rebalanceTimeoutMs,
        sessionTimeoutMs,
        subscriptionBytes,
        assignmentBytes,
      });
    }
    return { protocolType, generation, protocol, leader, currentStateTimestamp, members };
  } catch {
    return null;
  }
}
