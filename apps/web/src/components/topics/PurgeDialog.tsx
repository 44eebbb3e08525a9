import { useState } from 'react';
import type { PartitionInfo, TopicDetail } from '@tributary/contract';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { formatNumber, plural } from '../format.ts';

/** LOG-END-OFFSET minus LOG-START-OFFSET; null when the leader did not answer. */
export function partitionMessages(p: PartitionInfo): bigint | null {
  if (p.startOffset === null || p.endOffset === null) return null;
  return BigInt(p.endOffset) - BigInt(p.startOffset);
}

/** [0] → "partition 0", [0, 2] → "partitions 0 and 2", [0, 1, 3] → "partitions 0, 1 and 3". */
export function describePartitions(partitions: number[]): string {
  if (partitions.length === 1) return `partition ${partitions[0]}`;
  return `partitions ${partitions.slice(0, -1).join(', ')} and ${partitions.at(-1)}`;
}

/** Sum of the chosen partitions' messages as an int64 string; null when one of them is unknown. */
function sumMessages(detail: TopicDetail, chosen: number[]): string | null {
  let total = 0n;
  for (const p of detail.partitions) {
    if (!chosen.includes(p.partition)) continue;
    const n = partitionMessages(p);
    if (n === null) return null;
    total += n;
  }
  return total.toString();
}

/**
 * Purge up to the high watermark: every partition (the default), or only the ones ticked.
 * `onConfirm([])` means all partitions, like the REST API without `?partitions=`.
 */
export function PurgeDialog(props: {
  detail: TopicDetail;
  pending: boolean;
  error: unknown;
  onConfirm: (partitions: number[]) => void;
  onCancel: () => void;
}) {
  const { detail } = props;
  const topic = detail.name;
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<number[]>([]);
  const toggle = (partition: number, on: boolean) =>
    setChosen((prev) =>
      on ? [...prev, partition].sort((a, b) => a - b) : prev.filter((p) => p !== partition),
    );
  const some = scope === 'chosen';
  const total = some ? sumMessages(detail, chosen) : null;
  const name = <span className="font-mono font-semibold">{topic}</span>;
  return (
    <ConfirmDialog
      title={
        some && chosen.length
          ? `Purge ${describePartitions(chosen)} of ${topic}?`
          : `Purge all messages of ${topic}?`
      }
      confirmLabel={some ? `Purge ${plural(chosen.length, 'partition')}` : 'Purge messages'}
      confirmDisabled={some && chosen.length === 0}
      danger
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm(some ? chosen : [])}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium text-slate-800">Partitions to purge</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="purge-scope" checked={!some} onChange={() => setScope('all')} />
          All partitions
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="purge-scope" checked={some} onChange={() => setScope('chosen')} />
          Chosen partitions
        </label>
      </fieldset>
      {some && (
        <fieldset className="max-h-48 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
          <legend className="sr-only">Partitions</legend>
          {detail.partitions.map((p) => {
            const n = partitionMessages(p);
            return (
              <label key={p.partition} className="flex items-center gap-2 font-mono">
                <input
                  type="checkbox"
                  checked={chosen.includes(p.partition)}
                  onChange={(e) => toggle(p.partition, e.target.checked)}
                />
                Partition {p.partition} ({n === null ? 'message count unknown' : plural(Number(n), 'message')}
                )
              </label>
            );
          })}
        </fieldset>
      )}
      {!some ? (
        <p>
          Deletes {detail.messageCount === null ? 'all' : `the ${formatNumber(detail.messageCount)}`} messages
          in all {plural(detail.partitionCount, 'partition')} of {name} up to the current end offset. The
          topic, its configuration and consumer group offsets stay. This cannot be undone.
        </p>
      ) : chosen.length === 0 ? (
        <p>Choose the partitions to purge.</p>
      ) : (
        <p>
          Purge {describePartitions(chosen)} of {name}:{' '}
          {total === null
            ? 'all their messages'
            : `${formatNumber(total)} message${total === '1' ? '' : 's'}`}{' '}
          will be deleted up to the current end offset. The other partitions, the topic, its configuration and
          consumer group offsets stay. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
