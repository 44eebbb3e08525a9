import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartitionInfo, ReassignmentBody } from '@tributary/contract';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Checkbox, TextField } from '../ui/Field.tsx';

type Mode = 'spread' | 'manual';

/** "1, 2 3" → [1, 2, 3]; null when a piece is not a broker id. */
export function parseBrokerList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

/**
 * The reassignment wizard: spread every partition evenly over the brokers, or type each partition's new
 * replica list (the first broker becomes its preferred leader); optionally throttled, in MB/s.
 */
export function ReassignDialog(props: {
  topic: string;
  partitions: PartitionInfo[];
  pending: boolean;
  error: unknown;
  onConfirm: (body: ReassignmentBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('spread');
  const [lists, setLists] = useState<Record<number, string>>(() =>
    Object.fromEntries(props.partitions.map((p) => [p.partition, p.replicas.join(', ')])),
  );
  const [throttle, setThrottle] = useState('');
  const mbps = throttle.trim() === '' ? undefined : Number(throttle);
  const throttleBad = mbps !== undefined && !(mbps > 0);
  const parsed = props.partitions.map((p) => ({ p, replicas: parseBrokerList(lists[p.partition] ?? '') }));
  const changed = parsed.filter(
    ({ p, replicas }) => replicas !== null && replicas.join(',') !== p.replicas.join(','),
  );
  const unreadable = parsed.filter(({ replicas }) => replicas === null || replicas.length === 0);
  const blocked = throttleBad || (mode === 'manual' && (unreadable.length > 0 || changed.length === 0));
  const body = (): ReassignmentBody => ({
    ...(mode === 'spread'
      ? { spread: true }
      : {
          partitions: changed.map(({ p, replicas }) => ({
            partition: p.partition,
            replicas: replicas ?? [],
          })),
        }),
    ...(mbps !== undefined ? { throttle: Math.round(mbps * 1024 * 1024) } : {}),
  });
  return (
    <ConfirmDialog
      title={t('reassign.title', { topic: props.topic })}
      confirmLabel={t('reassign.start')}
      confirmDisabled={blocked}
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm(body())}
    >
      <fieldset className="space-y-1">
        <legend className="font-medium">{t('reassign.how')}</legend>
        <Checkbox
          type="radio"
          name="reassign-mode"
          label={t('reassign.spread')}
          checked={mode === 'spread'}
          onChange={() => setMode('spread')}
        />
        <Checkbox
          type="radio"
          name="reassign-mode"
          label={t('reassign.manual')}
          checked={mode === 'manual'}
          onChange={() => setMode('manual')}
        />
      </fieldset>
      {mode === 'manual' && (
        <div className="space-y-2">
          <p className="text-muted">{t('reassign.manualHelp')}</p>
          {parsed.map(({ p, replicas }) => (
            <TextField
              key={p.partition}
              label={t('reassign.replicasOf', { partition: p.partition, now: p.replicas.join(', ') })}
              value={lists[p.partition] ?? ''}
              error={replicas === null || replicas.length === 0 ? t('reassign.notIds') : null}
              inputClassName="w-48 font-mono"
              onChange={(e) => setLists({ ...lists, [p.partition]: e.target.value })}
            />
          ))}
          {unreadable.length === 0 && changed.length === 0 && <p>{t('reassign.nothingChanged')}</p>}
        </div>
      )}
      <TextField
        label={t('reassign.throttle')}
        help={t('reassign.throttleHelp')}
        type="number"
        min={0}
        step="any"
        value={throttle}
        error={throttleBad ? t('reassign.throttleBad') : null}
        inputClassName="w-32"
        onChange={(e) => setThrottle(e.target.value)}
      />
    </ConfirmDialog>
  );
}
