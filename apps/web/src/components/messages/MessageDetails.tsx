import { useState } from 'react';
import type { DecodedData, Message } from '@tributary/contract';
import { formatBytes, formatNumber } from '../format.ts';
import { CopyButton } from './CopyButton.tsx';
import { FormatBadge } from './DataText.tsx';

export interface MessageDetailsProps {
  message: Message;
  /** Fetches the message again without cutting its value; the button shows only when a value was cut. */
  loadWhole?: () => Promise<Message>;
}

/** The body of an expanded message row: value, key, headers and metadata, with copy buttons. Reused by the Live tab. */
export function MessageDetails({ message, loadWhole }: MessageDetailsProps) {
  const [whole, setWhole] = useState<Message | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const shown = whole ?? message;
  const cut = shown.value?.truncated || shown.key?.truncated;
  return (
    <div
      className="space-y-3 bg-slate-50 px-4 py-3 text-sm"
      aria-label={`Message ${message.partition}:${message.offset}`}
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt>Partition</dt>
        <dd className="font-mono">{message.partition}</dd>
        <dt>Offset</dt>
        <dd className="font-mono">{formatNumber(message.offset)}</dd>
        <dt>Timestamp</dt>
        <dd className="font-mono">
          {new Date(message.timestamp).toISOString()} ({message.timestampType})
        </dd>
        <dt>Sizes</dt>
        <dd>
          key {formatBytes(message.sizes.key)}, value {formatBytes(message.sizes.value)}, headers{' '}
          {formatBytes(message.sizes.headers)}
        </dd>
      </dl>
      <Block title="Value" data={shown.value} nullLabel="null (tombstone)" />
      {cut && loadWhole && (
        <button
          type="button"
          className="rounded bg-blue-600 px-2 py-1 text-xs text-white disabled:opacity-50"
          disabled={loading}
          onClick={() => {
            setLoading(true);
            loadWhole()
              .then(setWhole, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setLoading(false));
          }}
        >
          {loading ? 'Loading…' : `Load the whole value (${formatBytes(shown.value?.size ?? 0)})`}
        </button>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <Block title="Key" data={shown.key} nullLabel="null (no key)" />
      <section>
        <h4 className="mb-1 text-xs font-semibold text-slate-700 uppercase">
          Headers ({shown.headers.length})
        </h4>
        {shown.headers.length === 0 ? (
          <p className="text-xs text-slate-500">No headers.</p>
        ) : (
          <table className="text-xs">
            <tbody>
              {shown.headers.map((h, i) => (
                <tr key={i}>
                  <th className="pr-3 text-left font-mono font-medium">{h.key}</th>
                  <td className="font-mono break-all">
                    {h.value === null ? <i className="text-slate-500">null</i> : h.value.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CopyButton
        label="Copy message as JSON"
        caption="Copy message as JSON"
        text={JSON.stringify(shown, null, 2)}
      />
    </div>
  );
}

function Block({ title, data, nullLabel }: { title: string; data: DecodedData; nullLabel: string }) {
  return (
    <section>
      <div className="mb-1 flex items-center gap-2">
        <h4 className="text-xs font-semibold text-slate-700 uppercase">{title}</h4>
        <FormatBadge data={data} />
        {data && <CopyButton label={`Copy ${title.toLowerCase()}`} text={data.text} />}
        {data?.truncated && (
          <span className="text-xs text-amber-700">
            cut: showing {formatBytes(data.text.length)} of {formatBytes(data.size)}
          </span>
        )}
      </div>
      {data?.error && <p className="mb-1 text-xs text-amber-700">{data.error}</p>}
      {data === null ? (
        <p className="text-xs text-slate-500 italic">{nullLabel}</p>
      ) : (
        <pre className="max-h-96 overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs break-all whitespace-pre-wrap">
          {data.text === '' ? '(empty)' : data.text}
        </pre>
      )}
    </section>
  );
}
