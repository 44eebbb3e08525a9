import type { LiveFrom, LivePosition } from '@tributary/contract';
import { badRequest } from '../errors.ts';
import type { PartitionRange } from './source.ts';

/** The partitions to tail: all of them (null), or the chosen ones, each checked against the topic. */
export function selectPartitions(ranges: PartitionRange[], chosen: number[] | null | undefined): number[] {
  const all = ranges.map((r) => r.partition).sort((a, b) => a - b);
  if (!chosen) return all;
  const unknown = chosen.filter((p) => !all.includes(p));
  if (unknown.length > 0)
    throw badRequest(
      `Partition ${unknown.join(', ')} does not exist; this topic has partitions 0-${all.length - 1}.`,
    );
  if (chosen.length === 0) throw badRequest('Choose at least one partition to tail.');
  return [...new Set(chosen)].sort((a, b) => a - b);
}

/**
 * The first offset to read per partition. `now` = log end (like kafka-console-consumer without
 * --from-beginning); `last` = the last N of each partition; `offsets` resumes, clamped to what still exists.
 */
export function startPositions(
  ranges: PartitionRange[],
  partitions: number[],
  from: LiveFrom,
): Map<number, bigint> {
  const positions = new Map<number, bigint>();
  for (const partition of partitions) {
    const range = ranges.find((r) => r.partition === partition);
    if (!range || range.unavailable) continue; // starts once its leader answers (see LiveSession)
    let offset = range.high;
    if (from.mode === 'last') offset = max(range.low, range.high - BigInt(from.count));
    if (from.mode === 'offsets') {
      const given = from.offsets.find((o) => o.partition === partition);
      if (given) offset = clamp(parseOffset(given.offset), range.low, range.high);
    }
    positions.set(partition, offset);
  }
  return positions;
}

/** After a partition change: partitions kept go on from where they are; added ones start at their log end. */
export function keepPositions(
  ranges: PartitionRange[],
  partitions: number[],
  current: Map<number, bigint>,
): Map<number, bigint> {
  const fresh = startPositions(ranges, partitions, { mode: 'now' });
  for (const p of partitions) {
    const at = current.get(p) ?? fresh.get(p);
    if (at !== undefined) fresh.set(p, at); // none: its leader does not answer, it starts once it does
  }
  return fresh;
}

export function toPositions(positions: Map<number, bigint>): LivePosition[] {
  return [...positions.entries()]
    .sort(([a], [b]) => a - b)
    .map(([partition, offset]) => ({ partition, offset: offset.toString() }));
}

function parseOffset(text: string): bigint {
  if (!/^\d{1,19}$/.test(text)) throw badRequest(`"${text}" is not an offset (a whole number ≥ 0).`);
  return BigInt(text);
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);
