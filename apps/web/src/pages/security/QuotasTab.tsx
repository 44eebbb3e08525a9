import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quota, QuotaEntity, QuotaValues } from '@tributary/contract';
import { useMay } from '../../api/auth.ts';
import { useDeleteQuota, usePutQuota, useQuotas } from '../../api/security.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { Select, TextField } from '../../components/ui/Field.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { Card } from '../../components/ui/Page.tsx';

type Kind = 'user' | 'clientId' | 'defaultUser' | 'defaultClientId';
const KEYS = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage'] as const;

const entityOf = (q: Quota): QuotaEntity => {
  const { values: _values, ...entity } = q;
  return entity;
};

/** Client quotas of users, client ids and their defaults; admins set or remove them. */
export function QuotasTab({ cluster }: { cluster: string }) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const quotas = useQuotas(cluster);
  const put = usePutQuota(cluster);
  const remove = useDeleteQuota(cluster);
  const [kind, setKind] = useState<Kind>('clientId');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<(typeof KEYS)[number], string>>({
    producer_byte_rate: '',
    consumer_byte_rate: '',
    request_percentage: '',
  });

  const who = (q: QuotaEntity) =>
    [
      q.user !== undefined ? `user ${q.user}` : q.defaultUser ? t('security.defaultUser') : '',
      q.clientId !== undefined
        ? `client-id ${q.clientId}`
        : q.defaultClientId
          ? t('security.defaultClientId')
          : '',
    ]
      .filter(Boolean)
      .join(' · ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entity: QuotaEntity =
      kind === 'defaultUser' || kind === 'defaultClientId' ? { [kind]: true } : { [kind]: name };
    const set: QuotaValues = {};
    for (const key of KEYS) if (values[key] !== '') set[key] = Number(values[key]);
    put.mutate({ ...entity, values: set });
  };

  const columns: Column<Quota>[] = [
    { key: 'who', header: t('security.quotaFor'), className: 'font-mono text-xs', cell: who },
    ...KEYS.map((key): Column<Quota> => ({
      key,
      header: key,
      numeric: true,
      cell: (q) => (q.values[key] !== undefined ? formatNumber(q.values[key]) : '—'),
    })),
  ];
  if (may('admin'))
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (q) => (
        <Button
          size="sm"
          variant="danger-outline"
          aria-label={t('security.removeQuotaOf', { who: who(q) })}
          busy={remove.isPending}
          onClick={() => remove.mutate(entityOf(q))}
        >
          {t('security.removeQuota')}
        </Button>
      ),
    });

  return (
    <>
      {may('admin') && (
        <Card as="section" aria-label={t('security.setQuota')} className="mb-4">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <Select
              label={t('security.quotaFor')}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              <option value="clientId">{t('security.clientId')}</option>
              <option value="user">{t('security.user')}</option>
              <option value="defaultClientId">{t('security.defaultClientId')}</option>
              <option value="defaultUser">{t('security.defaultUser')}</option>
            </Select>
            {(kind === 'user' || kind === 'clientId') && (
              <TextField
                label={t('security.name')}
                value={name}
                required
                onChange={(e) => setName(e.target.value)}
              />
            )}
            {KEYS.map((key) => (
              <TextField
                key={key}
                label={key}
                type="number"
                min={0}
                step="any"
                value={values[key]}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            ))}
            <Button type="submit" variant="primary" busy={put.isPending}>
              {t('security.saveQuota')}
            </Button>
          </form>
          <p className="mt-2 text-xs text-muted">{t('security.quotaHelp')}</p>
          <ErrorBanner error={put.error} />
        </Card>
      )}
      <ErrorBanner error={remove.error} />
      <DataTable
        label={t('security.tab.quotas')}
        dense
        columns={columns}
        rows={quotas.data?.quotas}
        rowKey={(q) => who(q)}
        loading={quotas.isLoading}
        error={quotas.error}
        empty={t('security.noQuotas')}
      />
    </>
  );
}
