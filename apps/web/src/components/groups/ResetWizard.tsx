import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESET_TARGETS,
  type ResetOffsetsBody,
  type ResetOffsetsResult,
  type ResetTarget,
} from '@tributary/contract';
import { useResetOffsets } from '../../api/consumer-groups.ts';
import { usePrefs } from '../../prefs.ts';
import { ErrorBanner, Notice } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Select, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Card, Toolbar } from '../ui/Page.tsx';
import { fromPickerValue, zoneName } from '../ui/time.ts';

interface Props {
  cluster: string;
  group: string;
  topics: string[];
  onDone: (result: ResetOffsetsResult) => void;
  onCancel: () => void;
}

/** --reset-offsets in three steps: choose scope and target, check the dry run, then confirm. */
export function ResetWizard({ cluster, group, topics, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const [topic, setTopic] = useState('');
  const [partitions, setPartitions] = useState('');
  const [to, setTo] = useState<ResetTarget>('earliest');
  const [value, setValue] = useState('');
  const [preview, setPreview] = useState<ResetOffsetsResult | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const mutation = useResetOffsets(cluster, group);
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(null); // the confirmation must always match what was previewed
      setInputError(null);
      mutation.reset();
    };

  const partitionList = () => partitions.split(/[\s,]+/).filter(Boolean);
  const body = (dryRun: boolean): ResetOffsetsBody => {
    const parts = partitionList().map(Number);
    const needsValue = to !== 'earliest' && to !== 'latest';
    const v =
      to === 'timestamp' && value
        ? new Date(fromPickerValue(value, timeZone)).toISOString()
        : to === 'group'
          ? value
          : Number(value);
    return {
      to,
      dryRun,
      ...(topic ? { topic } : {}),
      ...(topic && parts.length ? { partitions: parts } : {}),
      ...(needsValue && value !== '' ? { value: v } : {}),
    };
  };
  const run = (dryRun: boolean) => {
    const notANumber = topic ? partitionList().find((p) => !/^\d+$/.test(p)) : undefined;
    if (notANumber !== undefined) {
      setInputError(t('reset.badPartitions', { value: notANumber }));
      return;
    }
    mutation.mutate(body(dryRun), { onSuccess: (r) => (dryRun ? setPreview(r) : onDone(r)) });
  };
  const valueLabel = {
    timestamp: t('reset.dateTime', { zone: zoneName(timeZone) }),
    group: t('reset.sourceGroup'),
    shift: t('reset.shiftBy'),
    offset: t('reset.offset'),
  };

  return (
    <Card as="section" aria-label={t('reset.title')} className="mb-6 border-accent p-4">
      <h2 className="mb-3 text-lg font-semibold">{t('reset.heading', { group })}</h2>
      <Toolbar className="text-sm">
        <Select label={t('group.topic')} value={topic} onChange={(e) => changed(setTopic)(e.target.value)}>
          <option value="">{t('reset.allTopics')}</option>
          {topics.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </Select>
        {topic && (
          <TextField
            label={t('reset.partitions')}
            value={partitions}
            placeholder="0,2"
            onChange={(e) => changed(setPartitions)(e.target.value)}
            inputClassName="w-32"
          />
        )}
        <Select
          label={t('reset.to')}
          value={to}
          onChange={(e) => {
            changed(setTo)(e.target.value as ResetTarget);
            setValue(''); // an offset is no date and no group name: each target starts empty
          }}
        >
          {RESET_TARGETS.map((x) => (
            <option key={x} value={x}>
              {t(`reset.targets.${x}`)}
            </option>
          ))}
        </Select>
        {to !== 'earliest' && to !== 'latest' && (
          <TextField
            label={valueLabel[to]}
            type={to === 'timestamp' ? 'datetime-local' : to === 'group' ? 'text' : 'number'}
            step={to === 'timestamp' ? 1 : undefined}
            value={value}
            onChange={(e) => changed(setValue)(e.target.value)}
          />
        )}
        <Button variant="primary" onClick={() => run(true)} disabled={mutation.isPending}>
          {t('reset.preview')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Toolbar>
      <ErrorBanner error={inputError ?? mutation.error} />
      {preview && <DryRun result={preview} />}
      {preview && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button
            variant="danger"
            disabled={preview.blockedReason !== null || preview.rows.length === 0}
            busy={mutation.isPending}
            busyLabel={t('reset.resetting')}
            onClick={() => run(false)}
          >
            {t('reset.confirm', { count: preview.rows.length, n: formatNumber(preview.rows.length) })}
          </Button>
          <span className="text-xs text-muted">{t('reset.commitsNew')}</span>
        </div>
      )}
    </Card>
  );
}

type Row = ResetOffsetsResult['rows'][number];

function DryRun({ result }: { result: ResetOffsetsResult }) {
  const { t } = useTranslation();
  const columns: Column<Row>[] = [
    { key: 'topic', header: 'TOPIC', cell: (r) => r.topic },
    { key: 'partition', header: 'PARTITION', numeric: true, cell: (r) => r.partition },
    {
      key: 'offsets',
      header: 'CURRENT-OFFSET → NEW-OFFSET',
      numeric: true,
      cell: (r) => (
        <>
          {r.currentOffset ?? '-'} → <strong>{r.newOffset}</strong>
        </>
      ),
    },
    {
      key: 'lag',
      header: t('reset.lagColumn'),
      numeric: true,
      cell: (r) => (
        <>
          {r.lagBefore === null ? '-' : formatNumber(r.lagBefore)} →{' '}
          <strong>{formatNumber(r.lagAfter)}</strong>
        </>
      ),
    },
    {
      key: 'note',
      header: t('reset.note'),
      className: 'font-sans',
      cell: (r) =>
        r.clamped && t('reset.clamped', { asked: r.requestedOffset, to: r.clamped, offset: r.newOffset }),
    },
  ];
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold">{t('reset.dryRunTitle')}</h3>
      {result.blockedReason && (
        <Notice tone="warn" role="alert">
          {result.blockedReason}
        </Notice>
      )}
      {result.clampedCount > 0 && (
        <p className="mb-2 text-sm text-warn">
          {t('reset.clampedCount', { count: result.clampedCount, n: formatNumber(result.clampedCount) })}
        </p>
      )}
      <div className="font-mono text-xs">
        <DataTable
          label={t('reset.dryRun')}
          dense
          columns={columns}
          rows={result.rows}
          rowKey={(r) => `${r.topic}/${r.partition}`}
        />
      </div>
    </div>
  );
}
