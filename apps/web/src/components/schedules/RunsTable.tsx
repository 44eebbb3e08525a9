import { useTranslation } from 'react-i18next';
import type { ScheduleRun } from '@tributary/contract';
import { useScheduleRuns } from '../../api/schedules.ts';
import { Badge } from '../ui/Badge.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Timestamp } from '../ui/Timestamp.tsx';

/** The last runs of one schedule, newest first: where each message went, its error, or the ticks missed. */
export function RunsTable({ cluster, id, name }: { cluster: string; id: string; name: string }) {
  const { t } = useTranslation();
  const runs = useScheduleRuns(cluster, id);
  const columns: Column<ScheduleRun>[] = [
    { key: 'time', header: t('schedules.runs.time'), cell: (r) => <Timestamp ms={r.time} /> },
    { key: 'seq', header: t('schedules.runs.seq'), numeric: true, cell: (r) => r.seq ?? '—' },
    {
      key: 'result',
      header: t('schedules.runs.result'),
      cell: (r) =>
        r.missed ? (
          <Badge tone="warn">{t('schedules.runs.missed', { count: r.missed.count })}</Badge>
        ) : r.error ? (
          <span className="text-danger">{r.error}</span>
        ) : (
          <span className="font-mono text-xs">
            {t('schedules.runs.where', { partition: r.partition, offset: r.offset })}
            {r.manual && (
              <Badge tone="info" className="ml-2">
                {t('schedules.runs.manual')}
              </Badge>
            )}
          </span>
        ),
    },
  ];
  return (
    <section aria-label={t('schedules.runs.title', { name })} className="mt-6 max-w-4xl">
      <h2 className="mb-2 text-lg font-semibold">{t('schedules.runs.title', { name })}</h2>
      <DataTable
        label={t('schedules.runs.title', { name })}
        columns={columns}
        rows={runs.data?.runs}
        rowKey={(r) => `${r.time}-${r.seq ?? ''}-${r.missed ? 'm' : ''}`}
        loading={runs.isLoading}
        error={runs.error}
        empty={t('schedules.runs.none')}
        dense
      />
    </section>
  );
}
