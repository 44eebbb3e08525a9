import { useRef, useState } from 'react';
import type { ProduceSummary, UploadQuery } from '@tributary/contract';
import { uploadFile } from '../../api/messages.ts';
import { ErrorBanner } from '../ErrorBanner.tsx';
import { formatNumber } from '../format.ts';
import { PartitionSelect } from './PartitionSelect.tsx';

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** The header row of a CSV file (read from its first 64 KiB), with the delimiter the server will guess too. */
async function csvHeader(file: File): Promise<{ columns: string[]; delimiter: string }> {
  const first = (
    (await file.slice(0, 64 * 1024).text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? ''
  ).trim();
  const candidates = [',', ';', '\t', '|'];
  const counts = candidates.map((d) => first.split(d).length);
  const delimiter = candidates[counts.indexOf(Math.max(...counts))] ?? ',';
  return { columns: first.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1')), delimiter };
}

export function FileProduce({
  cluster,
  topic,
  partitionCount,
}: {
  cluster: string;
  topic: string;
  partitionCount: number;
}) {
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [columns, setColumns] = useState<string[]>([]);
  const [keyColumn, setKeyColumn] = useState('');
  const [valueColumns, setValueColumns] = useState<string[]>([]);
  const [valueMode, setValueMode] = useState<'object' | 'single'>('object');
  const [keyField, setKeyField] = useState('');
  const [partition, setPartition] = useState<number | undefined>();
  const [progress, setProgress] = useState<{ sent: number; total: number; ratePerSec: number } | undefined>();
  const [summary, setSummary] = useState<ProduceSummary | undefined>();
  const [error, setError] = useState<unknown>();
  const [stopped, setStopped] = useState(false);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setSummary(undefined);
    setProgress(undefined);
    if (!chosen) return;
    const isCsv = !/\.(jsonl|ndjson|json)$/i.test(chosen.name);
    setFormat(isCsv ? 'csv' : 'jsonl');
    if (isCsv) {
      const header = await csvHeader(chosen);
      setColumns(header.columns);
      setValueColumns(header.columns);
      setKeyColumn('');
    }
  };

  const send = () => {
    if (!file) return;
    const query: UploadQuery = {
      format,
      ...(partition !== undefined ? { partition } : {}),
      ...(format === 'csv'
        ? { ...(keyColumn ? { keyColumn } : {}), valueColumns: valueColumns.join(','), valueMode }
        : keyField
          ? { keyField }
          : {}),
    };
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(undefined);
    setStopped(false);
    setSummary(undefined);
    uploadFile(cluster, topic, file, query, setProgress, controller.signal)
      .then(setSummary, (e: unknown) => (controller.signal.aborted ? setStopped(true) : setError(e)))
      .finally(() => setRunning(false));
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">
          File (CSV or JSON Lines)
          <input
            type="file"
            accept=".csv,.txt,.jsonl,.ndjson,.json"
            className="text-sm"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Format
          <select
            className={input}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'csv' | 'jsonl')}
          >
            <option value="csv">CSV</option>
            <option value="jsonl">JSON Lines</option>
          </select>
        </label>
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
      </div>
      {format === 'csv' && columns.length > 0 && (
        <div className="flex flex-wrap items-start gap-4">
          <label className="flex flex-col text-xs text-slate-600">
            Key column
            <select className={input} value={keyColumn} onChange={(e) => setKeyColumn(e.target.value)}>
              <option value="">No key</option>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <fieldset className="text-xs text-slate-600">
            <legend>Value columns</legend>
            <div className="flex max-w-xl flex-wrap gap-x-3">
              {columns.map((c) => (
                <label key={c} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={valueColumns.includes(c)}
                    onChange={(e) =>
                      setValueColumns(
                        e.target.checked
                          ? columns.filter((x) => x === c || valueColumns.includes(x))
                          : valueColumns.filter((x) => x !== c),
                      )
                    }
                  />
                  {c}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="text-xs text-slate-600">
            <legend>Value as</legend>
            <label className="flex items-center gap-1">
              <input
                type="radio"
                name="valueMode"
                checked={valueMode === 'object'}
                onChange={() => setValueMode('object')}
              />
              JSON object
            </label>
            <label className="flex items-center gap-1">
              <input
                type="radio"
                name="valueMode"
                checked={valueMode === 'single'}
                onChange={() => setValueMode('single')}
              />
              Single column text
            </label>
          </fieldset>
        </div>
      )}
      {format === 'jsonl' && (
        <label className="flex flex-col text-xs text-slate-600">
          Key field (optional)
          <input
            className={`${input} w-48 font-mono`}
            value={keyField}
            onChange={(e) => setKeyField(e.target.value)}
          />
        </label>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          disabled={!file || running}
          onClick={send}
          className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
        >
          Send file
        </button>
        {running && (
          <button type="button" className="text-sm text-red-700" onClick={() => abort.current?.abort()}>
            Stop
          </button>
        )}
      </div>
      {progress && (
        <div className="flex items-center gap-3">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-72 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <span className="text-xs text-slate-600">
            {percent}% · {formatNumber(progress.sent)} / {formatNumber(progress.total)} ·{' '}
            {formatNumber(progress.ratePerSec)} msg/s
          </span>
        </div>
      )}
      {summary && (
        <p role="status" className={summary.error ? 'text-sm text-red-700' : 'text-sm text-green-700'}>
          Wrote {formatNumber(summary.written)} of {formatNumber(summary.total)} messages
          {summary.error ? `; stopped at line ${summary.error.line}: ${summary.error.message}` : '.'}
        </p>
      )}
      {stopped && (
        <p role="status" className="text-sm text-amber-700">
          Stopped. The server had confirmed {formatNumber(progress?.sent ?? 0)} of{' '}
          {formatNumber(progress?.total ?? 0)} messages written; a batch in flight when you stopped may have
          been written too.
        </p>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
