import type { CommitHistory, OffsetCommitRecord } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { notFound } from '../errors.ts';
import { loadGroup } from './describe.ts';
import { decodeOffsetCommitKey, decodeOffsetCommitValue, offsetsPartitionFor } from './offsets-codec.ts';

const OFFSETS_TOPIC = '__consumer_offsets';
/** Bounds of one history request: records scanned backwards from the end, and bytes per fetch. */
const MAX_SCANNED = 50_000;
const WINDOW = 5_000;
const FETCH_BYTES = 1 << 20;

/**
 * The group's last `limit` offset commits, read group-less from its `__consumer_offsets` partition. The
 * partition is shared by many groups and compacted, so the scan walks back from the end in windows and stops
 * at `limit` matches, the partition start, or MAX_SCANNED records.
 */
export async function commitHistory(
  reader: PartitionReader,
  groups: GroupsGateway,
  groupId: string,
  limit: number,
): Promise<CommitHistory> {
  let partitions;
  try {
    partitions = await reader.offsets(OFFSETS_TOPIC);
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND')
      throw notFound(
        `Cluster ${groups.cluster} has no ${OFFSETS_TOPIC} yet: no group has committed an offset.`,
      );
    throw error;
  }
  const partition = offsetsPartitionFor(groupId, partitions.length);
  const bounds = partitions.find((p) => p.partition === partition);
  if (!bounds) throw notFound(`${OFFSETS_TOPIC} partition ${partition} is missing.`);
  const low = Number(bounds.low);
  const high = Number(bounds.high);
  const found: OffsetCommitRecord[] = [];
  let windowEnd = high;
  let from = high;
  while (windowEnd > low && found.length < limit && high - windowEnd < MAX_SCANNED) {
    from = Math.max(low, windowEnd - WINDOW);
    const inWindow: OffsetCommitRecord[] = [];
    let next = from;
    for (let rounds = 0; next < windowEnd && rounds < 200; rounds++) {
      const batch = await reader.fetch({
        topic: OFFSETS_TOPIC,
        partition,
        offset: String(next),
        maxBytes: FETCH_BYTES,
        maxWaitMs: 0,
      });
      // control batches and compacted gaps yield no records but move nextOffset on
      const moved = Number(batch.nextOffset) || 0;
      if (batch.records.length === 0 && !(moved > next)) break;
      for (const record of batch.records) {
        const offset = Number(record.offset);
        next = offset + 1;
        if (offset >= windowEnd) break;
        const key = decodeOffsetCommitKey(record.key);
        if (!key || key.group !== groupId) continue;
        const value = decodeOffsetCommitValue(record.value);
        inWindow.push({
          group: key.group,
          topic: key.topic,
          partition: key.partition,
          offset: value ? value.offset : null,
          commitTimestamp: value ? value.commitTimestamp : Number(record.timestamp),
          metadata: value?.metadata ?? '',
          logOffset: offset,
        });
      }
      next = Math.max(next, moved);
    }
    found.unshift(...inWindow);
    windowEnd = from;
  }
  // No commit in reach: a mistyped or unknown group answers 404 (a deleted group's old commits still show).
  if (found.length === 0) await loadGroup(groups, groupId);
  return {
    groupId,
    partition,
    commits: found.slice(-limit),
    scannedFromOffset: from,
    scannedToOffset: high,
    complete: from <= low,
  };
}
