import type { Message } from '@tributary/contract';
import { formatBytes, formatNumber } from '../format.ts';
import { DataPreview } from './DataText.tsx';

/** The grid of a message row: Messages and Live lay out their rows alike. */
export const MESSAGE_COLUMNS =
  'grid grid-cols-[4.5rem_6rem_12rem_minmax(6rem,1fr)_minmax(10rem,3fr)_5rem] gap-2 px-3';

export function MessageHeaderRow() {
  return (
    <div
      role="row"
      className={`${MESSAGE_COLUMNS} border-b border-slate-200 bg-slate-100 py-2 text-xs font-medium text-slate-600`}
    >
      <span role="columnheader">Partition</span>
      <span role="columnheader">Offset</span>
      <span role="columnheader">Timestamp</span>
      <span role="columnheader">Key</span>
      <span role="columnheader">Value</span>
      <span role="columnheader">Size</span>
    </div>
  );
}

/** The cells of one message row — partition, offset, time, key, value, size — shared by Messages and Live. */
export function MessageCells({ message: m }: { message: Message }) {
  return (
    <>
      <span role="cell" className="font-mono">
        {m.partition}
      </span>
      <span role="cell" className="font-mono">
        {formatNumber(m.offset)}
      </span>
      <span role="cell" className="font-mono text-xs leading-5 text-slate-600">
        {new Date(m.timestamp).toISOString().replace('T', ' ').replace('Z', '')}
      </span>
      <span role="cell" className="truncate">
        <DataPreview data={m.key} />
      </span>
      <span role="cell" className="truncate">
        <DataPreview data={m.value} nullLabel="tombstone" />
      </span>
      <span role="cell" className="text-xs leading-5 text-slate-500">
        {formatBytes(m.sizes.value)}
      </span>
    </>
  );
}
