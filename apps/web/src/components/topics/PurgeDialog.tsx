import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PartitionInfo, TopicDetail } from '@tributary/contract';
import { Checkbox } from '../ui/Field.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatNumber } from '../ui/format.ts';

/** LOG-END-OFFSET minus LOG-START-OFFSET; null when the leader did not answer. */
export function partitionMessages(p: PartitionInfo): bigint | null {
  if (p.startOffset === null || p.endOffset === null) return null;
  return BigInt(p.endOffset) - BigInt(p.startOffset);
}

/** [0] → "partition 0", [0, 2] → "partitions 0 and 2", [0, 1, 3] → "partitions 0, 1 and 3". */
export function describePartitions(partitions: number[], t: TFunction): string {
  if (partitions.length === 1) return t('purge.onePartition', { p: partitions[0] });
  return t('purge.somePartitions', { list: partitions.slice(0, -1).join(', '), last: partitions.at(-1) });
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
  const { t } = useTranslation();
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
  const which = chosen.length ? describePartitions(chosen, t) : '';
  const messages = (n: string | number | null) =>
    n === null ? t('purge.unknownCount') : t('common.messages', { count: Number(n), n: formatNumber(n) });
  return (
    <ConfirmDialog
      title={some && chosen.length ? t('purge.titleSome', { which, topic }) : t('purge.titleAll', { topic })}
      confirmLabel={some ? t('purge.confirmSome', { count: chosen.length }) : t('purge.button')}
      confirmDisabled={some && chosen.length === 0}
      danger
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm(some ? chosen : [])}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">{t('purge.which')}</legend>
        <Checkbox
          type="radio"
          name="purge-scope"
          label={t('purge.all')}
          checked={!some}
          onChange={() => setScope('all')}
          className="flex"
        />
        <Checkbox
          type="radio"
          name="purge-scope"
          label={t('purge.chosen')}
          checked={some}
          onChange={() => setScope('chosen')}
          className="flex"
        />
      </fieldset>
      {some && (
        <fieldset className="max-h-48 space-y-1 overflow-y-auto rounded border border-line p-2">
          <legend className="sr-only">{t('common.partitionsTitle')}</legend>
          {detail.partitions.map((p) => (
            <Checkbox
              key={p.partition}
              className="flex font-mono"
              label={t('purge.partitionLine', {
                p: p.partition,
                messages: messages(partitionMessages(p)?.toString() ?? null),
              })}
              checked={chosen.includes(p.partition)}
              onChange={(e) => toggle(p.partition, e.target.checked)}
            />
          ))}
        </fieldset>
      )}
      {!some ? (
        <p>
          {t('purge.textAll', {
            messages:
              detail.messageCount === null
                ? t('purge.allThe')
                : t('purge.theN', { n: formatNumber(detail.messageCount) }),
            partitions: t('common.partitions', {
              count: detail.partitionCount,
              n: formatNumber(detail.partitionCount),
            }),
            topic,
          })}
        </p>
      ) : chosen.length === 0 ? (
        <p>{t('purge.choose')}</p>
      ) : (
        <p>
          {t('purge.textSome', {
            which,
            topic,
            messages: total === null ? t('purge.allTheirs') : messages(total),
          })}
        </p>
      )}
    </ConfirmDialog>
  );
}
