import { useId, useState } from 'react';
import {
  RESET_TARGETS,
  type ResetOffsetsBody,
  type ResetOffsetsResult,
  type ResetTarget,
} from '@tributary/contract';
import { useResetOffsets } from '../../api/consumer-groups.ts';
import { ErrorBanner } from '../ErrorBanner.tsx';
import { formatNumber, plural } from '../format.ts';

const TARGET_LABELS: Record<ResetTarget, string> = {
  earliest: 'Earliest (--to-earliest)',
  latest: 'Latest (--to-latest)',
  timestamp: 'Date and time (--to-datetime)',
  offset: 'Offset (--to-offset)',
  shift: 'Shift by ±n (--shift-by)',
  group: 'Copy from another group',
};

interface Props {
  cluster: string;
  group: string;
  topics: string[];
  onDone: (result: ResetOffsetsResult) => void;
  onCancel: () => void;
}

/** --reset-offsets in three steps: choose scope and target, check the dry run, then confirm. */
export function ResetWizard({ cluster, group, topics, onDone, onCancel }: Props) {
  const id = useId();
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
      to === 'timestamp' && value ? new Date(value).toISOString() : to === 'group' ? value : Number(value);
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
      setInputError(`Partitions are numbers separated by commas (e.g. 0,2); "${notANumber}" is not one.`);
      return;
    }
    mutation.mutate(body(dryRun), { onSuccess: (r) => (dryRun ? setPreview(r) : onDone(r)) });
  };

  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <section aria-label="Reset offsets" className="mb-6 rounded border border-blue-200 bg-blue-50/40 p-4">
      <h2 className="mb-3 text-lg font-semibold">Reset offsets of {group}</h2>
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-topic`}>Topic</label>
          <select
            id={`${id}-topic`}
            value={topic}
            onChange={(e) => changed(setTopic)(e.target.value)}
            className={input}
          >
            <option value="">All topics of the group</option>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        {topic && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-partitions`}>Partitions (empty: all)</label>
            <input
              id={`${id}-partitions`}
              value={partitions}
              placeholder="e.g. 0,2"
              onChange={(e) => changed(setPartitions)(e.target.value)}
              className={`${input} w-32`}
            />
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-to`}>Reset to</label>
          <select
            id={`${id}-to`}
            value={to}
            onChange={(e) => {
              changed(setTo)(e.target.value as ResetTarget);
              setValue(''); // an offset is no date and no group name: each target starts empty
            }}
            className={input}
          >
            {RESET_TARGETS.map((t) => (
              <option key={t} value={t}>
                {TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        {to !== 'earliest' && to !== 'latest' && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-value`}>
              {to === 'timestamp'
                ? 'Date and time'
                : to === 'group'
                  ? 'Source group'
                  : to === 'shift'
                    ? 'Shift by'
                    : 'Offset'}
            </label>
            <input
              id={`${id}-value`}
              type={to === 'timestamp' ? 'datetime-local' : to === 'group' ? 'text' : 'number'}
              step={to === 'timestamp' ? 1 : undefined}
              value={value}
              onChange={(e) => changed(setValue)(e.target.value)}
              className={input}
            />
          </div>
        )}
        <button
          type="button"
          onClick={() => run(true)}
          disabled={mutation.isPending}
          className="rounded bg-blue-600 px-3 py-1.5 font-medium text-white hover:bg-blue-700 disabled:opacity-50"
        >
          Preview (dry run)
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
        >
          Cancel
        </button>
      </div>
      <ErrorBanner error={inputError ?? mutation.error} />
      {preview && <DryRun result={preview} />}
      {preview && (
        <div className="mt-3 flex items-center gap-3">
          <button
            type="button"
            disabled={mutation.isPending || preview.blockedReason !== null || preview.rows.length === 0}
            onClick={() => run(false)}
            className="rounded bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
          >
            {mutation.isPending ? 'Resetting…' : `Reset ${plural(preview.rows.length, 'partition')}`}
          </button>
          <span className="text-xs text-slate-500">
            Commits the NEW-OFFSET column for the group; nothing else changes.
          </span>
        </div>
      )}
    </section>
  );
}

function DryRun({ result }: { result: ResetOffsetsResult }) {
  const cell = 'px-3 py-1.5';
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold">Dry run: nothing has changed yet</h3>
      {result.blockedReason && (
        <p
          role="alert"
          className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {result.blockedReason}
        </p>
      )}
      {result.clampedCount > 0 && (
        <p className="mb-2 text-sm text-amber-800">
          {plural(result.clampedCount, 'partition')} asked for an offset outside the log and will be clamped
          (see Note).
        </p>
      )}
      <table aria-label="Dry run" className="w-full border-collapse bg-white text-left text-sm shadow">
        <thead className="bg-slate-100 text-xs text-slate-600">
          <tr>
            <th className={cell}>TOPIC</th>
            <th className={`${cell} text-right`}>PARTITION</th>
            <th className={`${cell} text-right`}>CURRENT-OFFSET → NEW-OFFSET</th>
            <th className={`${cell} text-right`}>LAG before → after</th>
            <th className={cell}>Note</th>
          </tr>
        </thead>
        <tbody className="font-mono text-xs">
          {result.rows.map((r) => (
            <tr key={`${r.topic}/${r.partition}`} className="border-t border-slate-100">
              <td className={cell}>{r.topic}</td>
              <td className={`${cell} text-right`}>{r.partition}</td>
              <td className={`${cell} text-right`}>
                {r.currentOffset ?? '-'} → <strong>{r.newOffset}</strong>
              </td>
              <td className={`${cell} text-right`}>
                {r.lagBefore === null ? '-' : formatNumber(r.lagBefore)} →{' '}
                <strong>{formatNumber(r.lagAfter)}</strong>
              </td>
              <td className={`${cell} font-sans`}>
                {r.clamped && `asked ${r.requestedOffset}, clamped to ${r.clamped} (${r.newOffset})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
