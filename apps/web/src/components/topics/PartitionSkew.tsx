import { useTranslation } from 'react-i18next';
import type { BrokerList, TopicDetail } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { Notice } from '../ui/Alert.tsx';

interface BrokerShare {
  broker: number;
  leaders: number;
  replicas: number;
  /** Sum of the sizes of the partitions it holds a replica of (each partition's leader's size). */
  bytes: number | null;
}

/** Leaders, replicas and data of this topic per broker, every online broker listed (a broker with none counts). */
export function brokerShares(detail: TopicDetail, brokers: number[]): BrokerShare[] {
  const ids = [...new Set([...brokers, ...detail.partitions.flatMap((p) => p.replicas)])].sort(
    (a, b) => a - b,
  );
  return ids.map((broker) => {
    const held = detail.partitions.filter((p) => p.replicas.includes(broker));
    const sizes = held.map((p) => p.sizeBytes);
    return {
      broker,
      leaders: detail.partitions.filter((p) => p.leader === broker).length,
      replicas: held.length,
      bytes: sizes.some((s) => s === null) ? null : sizes.reduce<number>((a, s) => a + (s ?? 0), 0),
    };
  });
}

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums">{label}</span>
      <span aria-hidden className="inline-block h-2 w-24 overflow-hidden rounded bg-surface-2">
        <span className="block h-2 bg-accent-bg" style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

/** The partition skew view: how evenly this topic's leaders, replicas and bytes sit on the brokers. */
export function PartitionSkew({ detail, brokers }: { detail: TopicDetail; brokers: BrokerList | undefined }) {
  const { t } = useTranslation();
  const shares = brokerShares(detail, brokers?.filter((b) => b.online).map((b) => b.id) ?? []);
  const most = (pick: (s: BrokerShare) => number) => Math.max(0, ...shares.map(pick));
  const leaders = shares.map((s) => s.leaders);
  const skewed = shares.length > 1 && Math.max(...leaders) - Math.min(...leaders) > 1;
  const columns: Column<BrokerShare>[] = [
    { key: 'broker', header: t('skew.broker'), className: 'font-medium', cell: (s) => s.broker },
    {
      key: 'leaders',
      header: t('skew.leaders'),
      cell: (s) => <Bar value={s.leaders} max={most((x) => x.leaders)} label={formatNumber(s.leaders)} />,
    },
    {
      key: 'replicas',
      header: t('skew.replicas'),
      cell: (s) => <Bar value={s.replicas} max={most((x) => x.replicas)} label={formatNumber(s.replicas)} />,
    },
    {
      key: 'bytes',
      header: t('skew.bytes'),
      cell: (s) =>
        s.bytes === null ? (
          '—'
        ) : (
          <Bar value={s.bytes} max={most((x) => x.bytes ?? 0)} label={formatBytes(s.bytes)} />
        ),
    },
  ];
  return (
    <section className="mt-8 max-w-5xl">
      <h2 className="mb-2 text-lg font-semibold">{t('skew.title')}</h2>
      {skewed && (
        <Notice tone="warn">
          {t('skew.leadersSkewed', { most: Math.max(...leaders), least: Math.min(...leaders) })}
        </Notice>
      )}
      <DataTable label={t('skew.title')} columns={columns} rows={shares} rowKey={(s) => String(s.broker)} />
    </section>
  );
}
