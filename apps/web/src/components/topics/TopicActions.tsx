import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAddPartitions, useDeleteTopic, usePurgeTopic, useTopic } from '../../api/topics.ts';
import { useAllowed } from '../../api/auth.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { formatNumber, plural } from '../format.ts';
import { AddPartitionsDialog } from './AddPartitionsDialog.tsx';
import { describePartitions, PurgeDialog } from './PurgeDialog.tsx';

type Dialog = 'partitions' | 'purge' | 'delete' | null;

/** Add partitions, purge, delete: each asks first and says exactly what will happen. */
export function TopicActions({ cluster, topic }: { cluster: string; topic: string }) {
  const { data } = useTopic(cluster, topic);
  const [open, setOpen] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const navigate = useNavigate();
  const addPartitions = useAddPartitions(cluster, topic);
  const purge = usePurgeTopic(cluster, topic);
  const remove = useDeleteTopic(cluster, topic);
  const admin = useAllowed(cluster, 'admin');
  const operator = useAllowed(cluster, 'operator');
  if (!data) return null;
  const close = () => {
    setOpen(null);
    addPartitions.reset();
    purge.reset();
    remove.reset();
  };
  const button = 'rounded border px-3 py-1.5 text-sm';
  return (
    <div className="mb-3">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={`${button} border-slate-300 hover:bg-slate-50 disabled:opacity-50`}
          disabled={!admin.allowed}
          title={admin.why}
          onClick={() => setOpen('partitions')}
        >
          Add partitions
        </button>
        <button
          type="button"
          className={`${button} border-amber-400 text-amber-800 hover:bg-amber-50 disabled:opacity-50`}
          disabled={!operator.allowed}
          title={operator.why}
          onClick={() => setOpen('purge')}
        >
          Purge messages
        </button>
        <button
          type="button"
          className={`${button} border-red-400 text-red-700 hover:bg-red-50 disabled:opacity-50`}
          disabled={!admin.allowed}
          title={admin.why}
          onClick={() => setOpen('delete')}
        >
          Delete topic
        </button>
      </div>
      {done && (
        <p role="status" className="mt-2 text-sm text-green-800">
          {done}
        </p>
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
                setDone(
                  `${topic} now has ${plural(r.partitionCount, 'partition')} (was ${r.previousCount}).`,
                );
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
                setDone(
                  partitions.length
                    ? `Purged ${describePartitions(r.partitions.map((p) => p.partition))} of ${topic}.`
                    : `Purged ${plural(r.partitions.length, 'partition')} of ${topic}.`,
                );
              },
            })
          }
        />
      )}
      {open === 'delete' && (
        <ConfirmDialog
          title={`Delete topic ${topic}?`}
          confirmLabel="Delete topic"
          danger
          typeToConfirm={topic}
          pending={remove.isPending}
          error={remove.error}
          onCancel={close}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate(`/clusters/${encodeURIComponent(cluster)}/topics`, { replace: true }),
            })
          }
        >
          <p>
            Deletes <span className="font-mono font-semibold">{topic}</span> with its{' '}
            {plural(data.partitionCount, 'partition')} and{' '}
            {data.messageCount === null ? 'all its' : formatNumber(data.messageCount)} messages from cluster{' '}
            {cluster}. Producers writing to it will fail (or re-create it if the broker auto-creates topics).
            This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
