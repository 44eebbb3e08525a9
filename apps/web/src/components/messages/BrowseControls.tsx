import { useEffect, useState, type FormEvent } from 'react';
import type { DataFormat, MessageOrder, MessagesQuery, SeekMode } from '@tributary/contract';
import { PartitionPicker } from './PartitionPicker.tsx';

export interface BrowseForm {
  seek: SeekMode;
  offset: string;
  timestamp: string;
  partitions: number[] | null;
  limit: number;
  order: MessageOrder | '';
  keyFormat: DataFormat;
  valueFormat: DataFormat;
  q: string;
  caseSensitive: boolean;
  filter: string;
  maxValueBytes: number;
}

export const initialForm: BrowseForm = {
  seek: 'newest',
  offset: '',
  timestamp: '',
  partitions: null,
  limit: 100,
  order: '',
  keyFormat: 'auto',
  valueFormat: 'auto',
  q: '',
  caseSensitive: false,
  filter: '',
  maxValueBytes: 16 * 1024,
};

/** The form as the API's query (only what is set). */
export function toQuery(form: BrowseForm): MessagesQuery {
  return {
    seek: form.seek,
    limit: form.limit,
    keyFormat: form.keyFormat,
    valueFormat: form.valueFormat,
    maxValueBytes: form.maxValueBytes,
    ...(form.seek === 'offset' && form.offset ? { offset: form.offset } : {}),
    ...(form.seek === 'timestamp' && form.timestamp
      ? { timestamp: new Date(form.timestamp).toISOString() }
      : {}),
    ...(form.partitions ? { partitions: form.partitions.join(',') } : {}),
    ...(form.order ? { order: form.order } : {}),
    ...(form.q ? { q: form.q, caseSensitive: form.caseSensitive } : {}),
    ...(form.filter.trim() ? { filter: form.filter } : {}),
  };
}

const FORMATS: DataFormat[] = ['auto', 'string', 'json', 'hex', 'base64'];
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

export function BrowseControls({
  partitionCount,
  onApply,
  onChange,
}: {
  partitionCount: number;
  onApply: (form: BrowseForm) => void;
  /** Every edit, before Apply (a server-side search uses what the boxes hold). */
  onChange?: (form: BrowseForm) => void;
}) {
  const [form, setForm] = useState(initialForm);
  useEffect(() => onChange?.(form), [form, onChange]);
  const set = <K extends keyof BrowseForm>(key: K, value: BrowseForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(form);
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Browse messages"
      className="mb-3 space-y-2 rounded border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">
          Seek
          <select
            className={input}
            value={form.seek}
            onChange={(e) => set('seek', e.target.value as SeekMode)}
          >
            <option value="newest">Newest (last N)</option>
            <option value="oldest">Oldest (--from-beginning)</option>
            <option value="offset">Offset</option>
            <option value="timestamp">Timestamp</option>
          </select>
        </label>
        {form.seek === 'offset' && (
          <label className="flex flex-col text-xs text-slate-600">
            Offset (n, or partition:offset,…)
            <input
              className={`${input} w-44 font-mono`}
              value={form.offset}
              onChange={(e) => set('offset', e.target.value)}
              placeholder="0:15,2:30"
            />
          </label>
        )}
        {form.seek === 'timestamp' && (
          <label className="flex flex-col text-xs text-slate-600">
            From time
            <input
              type="datetime-local"
              step="1"
              className={input}
              value={form.timestamp}
              onChange={(e) => set('timestamp', e.target.value)}
            />
          </label>
        )}
        <PartitionPicker
          count={partitionCount}
          value={form.partitions}
          onChange={(p) => set('partitions', p)}
        />
        <label className="flex flex-col text-xs text-slate-600">
          Limit
          <input
            type="number"
            min={1}
            max={500}
            className={`${input} w-20`}
            value={form.limit}
            onChange={(e) => set('limit', Number(e.target.value))}
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Order
          <select
            className={input}
            value={form.order}
            onChange={(e) => set('order', e.target.value as MessageOrder | '')}
          >
            <option value="">Default</option>
            <option value="newest-first">Newest first</option>
            <option value="oldest-first">Oldest first</option>
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Key format
          <select
            className={input}
            value={form.keyFormat}
            onChange={(e) => set('keyFormat', e.target.value as DataFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Value format
          <select
            className={input}
            value={form.valueFormat}
            onChange={(e) => set('valueFormat', e.target.value as DataFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Cut values at
          <select
            className={input}
            value={form.maxValueBytes}
            onChange={(e) => set('maxValueBytes', Number(e.target.value))}
          >
            {[1024, 16 * 1024, 256 * 1024, 1024 * 1024].map((n) => (
              <option key={n} value={n}>
                {n >= 1024 * 1024 ? `${n / 1024 / 1024} MiB` : `${n / 1024} KiB`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">
          Contains (key, value, headers)
          <input className={`${input} w-56`} value={form.q} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label className="flex items-center gap-1 pb-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={form.caseSensitive}
            onChange={(e) => set('caseSensitive', e.target.checked)}
          />
          Case-sensitive
        </label>
        <label className="flex min-w-72 flex-1 flex-col text-xs text-slate-600">
          Filter expression
          <input
            className={`${input} font-mono`}
            value={form.filter}
            onChange={(e) => set('filter', e.target.value)}
            placeholder={'value.user.age > 30 && headers.source == "kcat"'}
          />
        </label>
        <details className="relative pb-1 text-xs text-slate-600">
          <summary className="cursor-pointer">Filter syntax</summary>
          <div className="absolute right-0 z-10 mt-1 w-96 space-y-1 rounded border border-slate-300 bg-white p-2 shadow">
            <p>
              Names: <code>key</code>, <code>value</code> (fields of JSON: <code>value.user.age</code>,{' '}
              <code>value.items[0]</code>), <code>headers.name</code> or <code>headers["x-id"]</code>,{' '}
              <code>partition</code>, <code>offset</code>, <code>timestamp</code> (ms).
            </p>
            <p>
              Compare with <code>== != &gt; &gt;= &lt; &lt;=</code>, <code>contains</code>,{' '}
              <code>startsWith</code>, <code>endsWith</code>; combine with <code>&amp;&amp;</code> (and),{' '}
              <code>||</code> (or), <code>!</code> (not) and parentheses. Text goes in "double" or 'single'
              quotes. Nothing typed here runs as code.
            </p>
          </div>
        </details>
        <button
          type="submit"
          className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white hover:bg-blue-700"
        >
          Apply
        </button>
      </div>
    </form>
  );
}
