import { useState } from 'react';
import { useProduce, useProduceLines } from '../../api/messages.ts';
import { ErrorBanner } from '../ErrorBanner.tsx';
import { formatNumber } from '../format.ts';
import { FileProduce } from './FileProduce.tsx';
import { PartitionSelect } from './PartitionSelect.tsx';

type Mode = 'single' | 'lines' | 'file';
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** Produce one message, many pasted lines, or a file (CSV / JSON Lines) to the topic. */
export function ProducePanel({
  cluster,
  topic,
  partitionCount,
}: {
  cluster: string;
  topic: string;
  partitionCount: number;
}) {
  const [mode, setMode] = useState<Mode>('single');
  return (
    <section aria-label="Produce" className="mb-3 rounded border border-slate-200 bg-white p-3">
      <div role="tablist" aria-label="Produce mode" className="mb-3 flex gap-1">
        {(['single', 'lines', 'file'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={`rounded px-3 py-1 text-sm ${mode === m ? 'bg-blue-600 text-white' : 'bg-slate-100 text-slate-700'}`}
          >
            {m === 'single' ? 'One message' : m === 'lines' ? 'Many (lines)' : 'From a file'}
          </button>
        ))}
      </div>
      {mode === 'single' && <SingleProduce cluster={cluster} topic={topic} partitionCount={partitionCount} />}
      {mode === 'lines' && <LinesProduce cluster={cluster} topic={topic} partitionCount={partitionCount} />}
      {mode === 'file' && <FileProduce cluster={cluster} topic={topic} partitionCount={partitionCount} />}
    </section>
  );
}

function SingleProduce({
  cluster,
  topic,
  partitionCount,
}: {
  cluster: string;
  topic: string;
  partitionCount: number;
}) {
  const produce = useProduce(cluster, topic);
  const [key, setKey] = useState('');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('');
  const [tombstone, setTombstone] = useState(false);
  const [json, setJson] = useState(false);
  const [partition, setPartition] = useState<number | undefined>();
  const [headers, setHeaders] = useState<{ key: string; value: string }[]>([]);
  return (
    <form
      aria-label="Produce one message"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        produce.mutate({
          key: nullKey ? null : key,
          value: tombstone ? null : value,
          valueFormat: json ? 'json' : 'string',
          headers: headers.filter((h) => h.key),
          ...(partition !== undefined ? { partition } : {}),
        });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
        <label className="flex flex-col text-xs text-slate-600">
          Key
          <input
            className={`${input} w-56 font-mono`}
            value={key}
            disabled={nullKey}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <label className="flex items-center gap-1 pb-1 text-xs">
          <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.target.checked)} />
          No key (null)
        </label>
        <label className="flex items-center gap-1 pb-1 text-xs">
          <input type="checkbox" checked={json} onChange={(e) => setJson(e.target.checked)} />
          Value is JSON (checked)
        </label>
        <label className="flex items-center gap-1 pb-1 text-xs">
          <input type="checkbox" checked={tombstone} onChange={(e) => setTombstone(e.target.checked)} />
          Tombstone (null value)
        </label>
      </div>
      <label className="flex flex-col text-xs text-slate-600">
        Value
        <textarea
          className={`${input} h-24 font-mono`}
          value={value}
          disabled={tombstone}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      {headers.map((h, i) => (
        <div key={i} className="flex gap-2">
          <input
            aria-label={`Header ${i + 1} name`}
            className={`${input} font-mono`}
            value={h.key}
            onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
          />
          <input
            aria-label={`Header ${i + 1} value`}
            className={`${input} flex-1 font-mono`}
            value={h.value}
            onChange={(e) =>
              setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))
            }
          />
          <button
            type="button"
            className="text-xs text-red-700"
            onClick={() => setHeaders(headers.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <button
          type="button"
          className="text-xs text-blue-700"
          onClick={() => setHeaders([...headers, { key: '', value: '' }])}
        >
          Add header
        </button>
        <button
          type="submit"
          disabled={produce.isPending}
          className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
        >
          Produce
        </button>
        {produce.data && (
          <p role="status" className="text-sm text-green-700">
            Written to partition {produce.data.partition} at offset {formatNumber(produce.data.offset)}.
          </p>
        )}
      </div>
      <ErrorBanner error={produce.error} />
    </form>
  );
}

function LinesProduce({
  cluster,
  topic,
  partitionCount,
}: {
  cluster: string;
  topic: string;
  partitionCount: number;
}) {
  const produce = useProduceLines(cluster, topic);
  const [lines, setLines] = useState('');
  const [separator, setSeparator] = useState(':');
  const [partition, setPartition] = useState<number | undefined>();
  const result = produce.data;
  return (
    <form
      aria-label="Produce lines"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        produce.mutate({
          lines,
          ...(separator ? { separator } : {}),
          ...(partition !== undefined ? { partition } : {}),
        });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
        <label className="flex flex-col text-xs text-slate-600">
          Key separator (empty: no keys)
          <input
            className={`${input} w-24 font-mono`}
            value={separator}
            onChange={(e) => setSeparator(e.target.value)}
          />
        </label>
      </div>
      <label className="flex flex-col text-xs text-slate-600">
        Lines, one message each ({separator ? `key${separator}value` : 'value'})
        <textarea
          className={`${input} h-32 font-mono`}
          value={lines}
          onChange={(e) => setLines(e.target.value)}
        />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={produce.isPending || !lines.trim()}
          className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
        >
          Produce lines
        </button>
        {result && (
          <p role="status" className={result.error ? 'text-sm text-red-700' : 'text-sm text-green-700'}>
            Wrote {formatNumber(result.written)} of {formatNumber(result.total)} messages
            {result.error ? `; stopped at line ${result.error.line}: ${result.error.message}` : '.'}
          </p>
        )}
      </div>
      <ErrorBanner error={produce.error} />
    </form>
  );
}
