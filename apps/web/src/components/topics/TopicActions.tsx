import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMay } from '../../api/auth.ts';
import {
  useAddPartitions,
  useCloneTopic,
  useDeleteTopic,
  usePurgeTopic,
  useTopic,
} from '../../api/topics.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatNumber } from '../ui/format.ts';
import { useToast } from '../ui/Toast.tsx';
import { AddPartitionsDialog } from './AddPartitionsDialog.tsx';
import { CloneDialog } from './CloneDialog.tsx';
import { describePartitions, PurgeDialog } from './PurgeDialog.tsx';

type Dialog = 'partitions' | 'purge' | 'delete' | 'clone' | null;

/** Add partitions, purge, delete: each asks first and says exactly what will happen; the outcome is a toast. */
export function TopicActions({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data } = useTopic(cluster, topic);
  const [open, setOpen] = useState<Dialog>(null);
  const toast = useToast();
  const navigate = useNavigate();
  const addPartitions = useAddPartitions(cluster, topic);
  const purge = usePurgeTopic(cluster, topic);
  const remove = useDeleteTopic(cluster, topic);
  const clone = useCloneTopic(cluster, topic);
  const may = useMay(cluster);
  if (!data) return null;
  const close = () => {
    setOpen(null);
    addPartitions.reset();
    purge.reset();
    remove.reset();
    clone.reset();
  };
  return (
    <>
      {may('admin') && <Button onClick={() => setOpen('clone')}>{t('clone.button')}</Button>}
      {may('admin') && <Button onClick={() => setOpen('partitions')}>{t('addPartitions.button')}</Button>}
      {open === 'clone' && (
        <CloneDialog
          topic={topic}
          pending={clone.isPending}
          error={clone.error}
          onCancel={close}
          onConfirm={(body) =>
            clone.mutate(body, {
              onSuccess: (r) => {
                close();
                navigate(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(r.name)}`);
                toast(t('clone.done', { topic, name: r.name, count: r.copiedMessages }));
              },
            })
          }
        />
      )}
      {may('operator') && (
        <Button variant="warn-outline" onClick={() => setOpen('purge')}>
          {t('purge.button')}
        </Button>
      )}
      {may('admin') && (
        <Button variant="danger-outline" onClick={() => setOpen('delete')}>
          {t('deleteTopic.button')}
        </Button>
      )}
      {open === 'partitions' && (
        <AddPartitionsDialog
          topic={topic}
          current={data.partitionCount}
          pending={addPartitions.isPending}
          error={addPartitions.error}
          onCancel={close}
          onConfirm={(count) =>
            addPartitions.mutate(count, {
              onSuccess: (r) => {
                close();
                toast(t('addPartitions.done', { topic, count: r.partitionCount, was: r.previousCount }));
              },
            })
          }
        />
      )}
      {open === 'purge' && (
        <PurgeDialog
          detail={data}
          pending={purge.isPending}
          error={purge.error}
          onCancel={close}
          onConfirm={(partitions) =>
            purge.mutate(partitions, {
              onSuccess: (r) => {
                close();
                toast(
                  partitions.length
                    ? t('purge.doneSome', {
                        which: describePartitions(
                          r.partitions.map((p) => p.partition),
                          t,
                        ),
                        topic,
                      })
                    : t('purge.doneAll', { count: r.partitions.length, topic }),
                );
              },
            })
          }
        />
      )}
      {open === 'delete' && (
        <ConfirmDialog
          title={t('deleteTopic.title', { topic })}
          confirmLabel={t('deleteTopic.button')}
          danger
          typeToConfirm={topic}
          pending={remove.isPending}
          error={remove.error}
          onCancel={close}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                navigate(`/clusters/${encodeURIComponent(cluster)}/topics`, { replace: true });
                toast(t('deleteTopic.done', { topic }));
              },
            })
          }
        >
          <p>
            {t('deleteTopic.text', {
              topic,
              cluster,
              partitions: t('common.partitions', {
                count: data.partitionCount,
                n: formatNumber(data.partitionCount),
              }),
              messages:
                data.messageCount === null ? t('deleteTopic.allIts') : formatNumber(data.messageCount),
            })}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
