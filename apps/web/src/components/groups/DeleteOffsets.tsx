import { useState } from 'react';
import { useDeleteGroupOffsets } from '../../api/consumer-groups.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

/** `--delete-offsets --topic t`: the group forgets where it was in one topic. */
export function DeleteOffsets({
  cluster,
  group,
  topics,
}: {
  cluster: string;
  group: string;
  topics: string[];
}) {
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [asking, setAsking] = useState(false);
  const mutation = useDeleteGroupOffsets(cluster, group);
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        Topic
        <select
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
      >
        Delete offsets for topic
      </button>
      {mutation.isSuccess && <span role="status">Deleted the offsets of {mutation.data.topic}.</span>}
      {asking && (
        <ConfirmDialog
          title={`Delete ${group}'s offsets for ${topic}?`}
          confirmLabel="Delete offsets"
          danger
          pending={mutation.isPending}
          error={mutation.error}
          onCancel={() => setAsking(false)}
          onConfirm={() => mutation.mutate(topic, { onSuccess: () => setAsking(false) })}
        >
          <p>The group will start from its auto.offset.reset position the next time it reads {topic}.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
