// Why: kafkajs' fetchTopicOffsets asks one topic at a time (and adds each to its metadata target list);
// a page of the topic list needs the offsets of many topics in one ListOffsets per leader.
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from '../admin-errors.ts';

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** LOG-START-OFFSET */
  start: bigint;
  /** LOG-END-OFFSET (high watermark) */
  end: bigint;
}

const EARLIEST = -2n;
const LATEST = -1n;

/** Earliest and latest offsets of the given partitions (only partitions with a leader can answer). */
export async function listPartitionOffsets(
  connection: ClusterConnection,
  topics: { name: string; partitions: number[] }[],
): Promise<PartitionOffsets[]> {
  const wanted = topics.filter((t) => t.partitions.length > 0);
  if (wanted.length === 0) return [];
  return runGap(connection, 'listing offsets', async (admin) => {
    // Fresh metadata first: partitions added a moment ago would otherwise be unknown to the client's cache.
    // Only ask for what that metadata knows with a leader: the client throws outside the promise otherwise.
    const metadata = await admin.metadata({ topics: wanted.map((t) => t.name), forceUpdate: true });
    const known = wanted
      .map((t) => ({
        name: t.name,
        partitions: t.partitions.filter(
          (p) => (metadata.topics.get(t.name)?.partitions[p]?.leader ?? -1) >= 0,
        ),
      }))
      .filter((t) => t.partitions.length > 0);
    if (known.length === 0) return [];
    const ask = (timestamp: bigint) =>
      admin.listOffsets({
        topics: known.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((partitionIndex) => ({ partitionIndex, timestamp })),
        })),
      });
    const [earliest, latest] = await Promise.all([ask(EARLIEST), ask(LATEST)]);
    const ends = new Map<string, bigint>();
    for (const t of latest)
      for (const p of t.partitions) ends.set(`${t.name}\0${p.partitionIndex}`, p.offset);
    return earliest.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        start: p.offset,
        end: ends.get(`${t.name}\0${p.partitionIndex}`) ?? p.offset,
      })),
    );
  });
}
