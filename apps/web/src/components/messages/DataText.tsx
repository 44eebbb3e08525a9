import type { DecodedData } from '@tributary/contract';

/** A key or value on one line for the table: null is shown as null, never as an empty string. */
export function DataPreview({ data, nullLabel = 'null' }: { data: DecodedData; nullLabel?: string }) {
  if (data === null)
    return <span className="rounded bg-slate-100 px-1 text-xs text-slate-500 italic">{nullLabel}</span>;
  if (data.text === '') return <span className="text-xs text-slate-400 italic">(empty)</span>;
  const oneLine = data.format === 'json' ? compactJson(data.text) : data.text;
  return (
    <span
      className={data.format === 'hex' || data.format === 'base64' ? 'font-mono text-slate-600' : 'font-mono'}
    >
      {oneLine.slice(0, 300)}
    </span>
  );
}

function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

export function FormatBadge({ data }: { data: DecodedData }) {
  if (data === null) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] tracking-wide text-slate-600 uppercase">
      {data.format}
    </span>
  );
}
