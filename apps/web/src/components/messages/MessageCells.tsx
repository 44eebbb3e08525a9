import type { Message } from '@tributary/contract';
import { formatBytes, formatNumber } from '../format.ts';
import { DataPreview } from './DataText.tsx';

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
