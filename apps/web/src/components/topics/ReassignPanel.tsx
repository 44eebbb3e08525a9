import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartitionInfo, PartitionReassignment } from '@tributary/contract';
import { useMay } from '../../api/auth.ts';
import { useChangeReassignment, useLeaderElection, useReassignment } from '../../api/reassignments.ts';
import { ErrorBanner, Notice } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { useToast } from '../ui/Toast.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';

const ids = (list: number[] | null) => (list && list.length ? list.join(', ') : '—');

/** Reassignment in progress (with cancel), the wizard that starts one, and preferred leader election. */
export function ReassignPanel({
  cluster,
  topic,
  partitions,
}: {
  cluster: string;
  topic: string;
  partitions: PartitionInfo[];
}) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const toast = useToast();
  const status = useReassignment(cluster, topic);
  const change = useChangeReassignment(cluster, topic);
  const elect = useLeaderElection(cluster, topic);
  const [open, setOpen] = useState(false);
  const moving = status.data?.partitions.filter((p) => p.reassigning) ?? [];
  const columns: Column<PartitionReassignment>[] = [
    { key: 'partition', header: t('topic.partition'), cell: (p) => p.partition },
    {
      key: 'replicas',
      header: t('reassign.now'),
      className: 'font-mono text-xs',
      cell: (p) => ids(p.replicas),
    },
    {
      key: 'target',
      header: t('reassign.target'),
      className: 'font-mono text-xs',
      cell: (p) => ids(p.target),
    },
    {
      key: 'adding',
      header: t('reassign.adding'),
      className: 'font-mono text-xs',
      cell: (p) => ids(p.addingReplicas),
    },
    { key: 'isr', header: t('topic.isr'), className: 'font-mono text-xs', cell: (p) => ids(p.isr) },
  ];
  return (
    <section className="mt-8 max-w-5xl" aria-label={t('reassign.section')}>
      <h2 className="mb-2 text-lg font-semibold">{t('reassign.section')}</h2>
      <ErrorBanner error={status.error} />
      <ErrorBanner error={elect.error} />
      {status.data?.warnings?.map((w) => (
        <Notice key={w} tone="warn">
          {w}
        </Notice>
      ))}
      {status.data?.inProgress ? (
        <>
          <Notice role="status">
            {t('reassign.inProgress', { count: moving.length })}
            {status.data.throttled && ` ${t('reassign.throttled')}`}
          </Notice>
          <DataTable
            label={t('reassign.moving')}
            columns={columns}
            rows={moving}
            rowKey={(p) => String(p.partition)}
          />
        </>
      ) : (
        status.data && <p className="text-sm text-muted">{t('reassign.none')}</p>
      )}
      {may('admin') && (
        <div className="mt-3 flex flex-wrap gap-2">
          {status.data?.inProgress ? (
            <Button
              variant="danger-outline"
              busy={change.isPending}
              busyLabel={t('common.working')}
              onClick={() =>
                change.mutate(null, { onSuccess: () => toast(t('reassign.cancelled', { topic })) })
              }
            >
              {t('reassign.cancel')}
            </Button>
          ) : (
            <Button
              onClick={() => {
                change.reset();
                setOpen(true);
              }}
            >
              {t('reassign.button')}
            </Button>
          )}
          <Button
            busy={elect.isPending}
            busyLabel={t('common.working')}
            onClick={() =>
              elect.mutate(
                { topic },
                {
                  onSuccess: (r) => {
                    const count = (o: string) => r.partitions.filter((p) => p.outcome === o).length;
                    const failed = r.partitions.filter((p) => p.outcome === 'failed');
                    toast(
                      t('reassign.electedSummary', {
                        elected: count('elected'),
                        already: count('already-preferred'),
                      }) +
                        failed
                          .map(
                            (f) =>
                              ` ${t('reassign.electFailed', { partition: f.partition, message: f.message })}`,
                          )
                          .join(''),
                      failed.length ? 'danger' : 'ok',
                    );
                  },
                },
              )
            }
          >
            {t('reassign.elect')}
          </Button>
        </div>
      )}
      {!status.data?.inProgress && change.error && !open ? <ErrorBanner error={change.error} /> : null}
      {open && (
        <ReassignDialog
          topic={topic}
          partitions={partitions}
          pending={change.isPending}
          error={change.error}
          onCancel={() => setOpen(false)}
          onConfirm={(body) =>
            change.mutate(body, {
              onSuccess: (s) => {
                setOpen(false);
                toast(s.inProgress ? t('reassign.started', { topic }) : t('reassign.inPlace', { topic }));
              },
            })
          }
        />
      )}
    </section>
  );
}
