import { useMemo, useState } from 'react';
import type { PartitionOffsetRow } from '@tributary/contract';
import { formatNumber } from '../format.ts';

type SortKey = 'partition' | 'lag';

/** `kafka-consumer-groups --describe`, one row per partition; sortable by lag (biggest first on first click). */
export function OffsetsTable({ rows }: { rows: PartitionOffsetRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'partition', desc: false });
  const sorted = useMemo(() => {
    const copy = [...rows];
    if (sort.key === 'lag')
      copy.sort((a, b) => (a.lag ?? -1) - (b.lag ?? -1) || a.topic.localeCompare(b.topic));
    if (sort.desc) copy.reverse();
    return copy;
  }, [rows, sort]);
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key === 'lag' }));
  const aria = (key: SortKey) => (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none');
  const cell = 'px-3 py-1.5';
  return (
    <table
      aria-label="Partition offsets"
      className="w-full border-collapse rounded bg-white text-left text-sm shadow"
    >
      <thead className="bg-slate-100 text-xs text-slate-600">
        <tr>
          <th className={cell}>TOPIC</th>
          <th className={`${cell} text-right`} aria-sort={aria('partition')}>
            <button type="button" onClick={() => toggle('partition')}>
              PARTITION
            </button>
          </th>
          <th className={`${cell} text-right`}>CURRENT-OFFSET</th>
          <th className={`${cell} text-right`}>LOG-END-OFFSET</th>
          <th className={`${cell} text-right`} aria-sort={aria('lag')}>
            <button type="button" onClick={() => toggle('lag')}>
              LAG{sort.key === 'lag' ? (sort.desc ? ' ▼' : ' ▲') : ''}
            </button>
          </th>
          <th className={cell}>CONSUMER-ID</th>
          <th className={cell}>HOST</th>
          <th className={cell}>CLIENT-ID</th>
        </tr>
      </thead>
      <tbody className="font-mono text-xs">
        {sorted.map((r) => (
          <tr key={`${r.topic}/${r.partition}`} className="border-t border-slate-100">
            <td className={`${cell} break-all`}>{r.topic}</td>
            <td className={`${cell} text-right`}>{r.partition}</td>
            <td className={`${cell} text-right`}>{r.currentOffset ?? '-'}</td>
            <td className={`${cell} text-right`}>{r.logEndOffset}</td>
            <td className={`${cell} text-right ${r.lag ? 'font-semibold text-amber-700' : ''}`}>
              {r.lag === null ? '-' : formatNumber(r.lag)}
            </td>
            <td className={`${cell} max-w-64 truncate`} title={r.consumerId ?? undefined}>
              {r.consumerId ?? '-'}
            </td>
            <td className={cell}>{r.host ?? '-'}</td>
            <td className={cell}>{r.clientId ?? '-'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
