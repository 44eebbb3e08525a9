import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@tributary/contract';
import { useAudit } from '../api/audit.ts';
import { Badge } from '../components/ui/Badge.tsx';
import { DataTable, type Column } from '../components/ui/DataTable.tsx';
import { PageHeader } from '../components/ui/Page.tsx';
import { formatTimestamp } from '../components/ui/time.ts';
import { usePrefs } from '../prefs.ts';

/** The audit log for admins: who changed what, where and when, and whether it was allowed. */
export function AuditPage() {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const { data, error, isLoading } = useAudit(200);
  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      className: 'whitespace-nowrap text-xs',
      cell: (e) => formatTimestamp(Date.parse(e.at), timeZone),
    },
    { key: 'user', header: t('audit.user'), className: 'font-medium', cell: (e) => e.user },
    { key: 'action', header: t('audit.action'), cell: (e) => e.action },
    { key: 'cluster', header: t('audit.cluster'), cell: (e) => e.cluster ?? '—' },
    {
      key: 'target',
      header: t('audit.target'),
      className: 'font-mono text-xs',
      cell: (e) => e.target ?? '—',
    },
    {
      key: 'status',
      header: t('audit.status'),
      numeric: true,
      cell: (e) => <Badge tone={e.status < 400 ? 'ok' : 'danger'}>{e.status}</Badge>,
    },
  ];
  return (
    <section>
      <PageHeader
        title={t('audit.title')}
        subtitle={data ? t('audit.subtitle', { source: data.source }) : undefined}
      />
      <DataTable
        label={t('audit.title')}
        columns={columns}
        rows={data?.entries}
        rowKey={(e) => `${e.at} ${e.user} ${e.method} ${e.url}`}
        loading={isLoading}
        error={error}
        empty={t('audit.empty')}
      />
    </section>
  );
}
