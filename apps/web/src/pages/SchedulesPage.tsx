import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Schedule } from '@tributary/contract';
import { useDeleteSchedule, useScheduleAction, useSchedules } from '../api/schedules.ts';
import { ErrorBanner } from '../components/ui/Alert.tsx';
import { Badge, type Tone } from '../components/ui/Badge.tsx';
import { Button } from '../components/ui/Button.tsx';
import { DataTable, type Column } from '../components/ui/DataTable.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { linkClass, PageHeader } from '../components/ui/Page.tsx';
import { Timestamp } from '../components/ui/Timestamp.tsx';
import { ScheduleForm } from '../components/schedules/ScheduleForm.tsx';
import { RunsTable } from '../components/schedules/RunsTable.tsx';

const STATUS_TONE: Record<Schedule['status'], Tone> = { active: 'ok', paused: 'warn', done: 'neutral' };

function triggerText(s: Schedule): string {
  const tr = s.trigger;
  if (tr.every)
    return `every ${tr.every}${tr.count ? ` × ${tr.count}` : ''}${tr.until ? ` until ${tr.until}` : ''}`;
  if (tr.at) return `at ${tr.at}`;
  return `cron ${tr.cron ?? ''}${tr.timezone ? ` (${tr.timezone})` : ''}`;
}

/** Scheduled sending: the list with counters and next runs, a form to add one, and `?schedule=` its runs. */
export function SchedulesPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const [params] = useSearchParams();
  const selected = params.get('schedule') ?? undefined;
  const [creating, setCreating] = useState(false);
  const list = useSchedules(cluster);
  const action = useScheduleAction(cluster);
  const remove = useDeleteSchedule(cluster);
  const schedules = list.data?.schedules;
  const chosen = schedules?.find((s) => s.id === selected);

  const columns: Column<Schedule>[] = [
    {
      key: 'name',
      header: t('schedules.name'),
      className: 'font-medium',
      cell: (s) => (
        <Link className={linkClass} to={`?schedule=${encodeURIComponent(s.id)}`}>
          {s.name}
        </Link>
      ),
    },
    { key: 'topic', header: t('schedules.topic'), className: 'font-mono text-xs', cell: (s) => s.topic },
    { key: 'trigger', header: t('schedules.trigger'), className: 'font-mono text-xs', cell: triggerText },
    {
      key: 'status',
      header: t('schedules.status'),
      cell: (s) => (
        <Badge tone={STATUS_TONE[s.status]} title={s.pausedReason}>
          {t(`schedules.state.${s.status}`)}
        </Badge>
      ),
    },
    { key: 'sent', header: t('schedules.sent'), numeric: true, cell: (s) => formatNumber(s.sent) },
    {
      key: 'failures',
      header: t('schedules.failures'),
      numeric: true,
      cellClass: (s) => (s.failures > 0 ? 'text-danger' : ''),
      cell: (s) => formatNumber(s.failures),
    },
    {
      key: 'next',
      header: t('schedules.nextRun'),
      cell: (s) => (s.nextRuns[0] !== undefined ? <Timestamp ms={s.nextRuns[0]} /> : '—'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (s) => (
        <div className="flex gap-1">
          {s.status === 'paused' ? (
            <Button size="sm" onClick={() => action.mutate({ id: s.id, action: 'resume' })}>
              {t('schedules.resume')}
            </Button>
          ) : (
            s.status === 'active' && (
              <Button size="sm" onClick={() => action.mutate({ id: s.id, action: 'pause' })}>
                {t('schedules.pause')}
              </Button>
            )
          )}
          <Button size="sm" onClick={() => action.mutate({ id: s.id, action: 'run-now' })}>
            {t('schedules.runNow')}
          </Button>
          <Button size="sm" variant="danger-outline" onClick={() => remove.mutate(s.id)}>
            {t('schedules.delete')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section>
      <PageHeader
        title={t('nav.schedules')}
        subtitle={t('schedules.subtitle')}
        actions={
          !creating && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('schedules.new')}
            </Button>
          )
        }
      />
      {creating && <ScheduleForm cluster={cluster} onDone={() => setCreating(false)} />}
      <ErrorBanner error={action.error ?? remove.error} />
      <DataTable
        label={t('nav.schedules')}
        columns={columns}
        rows={schedules}
        rowKey={(s) => s.id}
        rowClass={(s) => (s.id === selected ? 'bg-accent-soft' : '')}
        loading={list.isLoading}
        error={list.error}
        empty={t('schedules.none')}
      />
      {chosen?.pausedReason && <p className="mt-2 text-sm text-warn">{chosen.pausedReason}</p>}
      {chosen && <RunsTable cluster={cluster} id={chosen.id} name={chosen.name} />}
    </section>
  );
}
