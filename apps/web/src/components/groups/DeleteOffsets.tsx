import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteGroupOffsets } from '../../api/consumer-groups.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Select } from '../ui/Field.tsx';

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
  const { t } = useTranslation();
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [asking, setAsking] = useState(false);
  const mutation = useDeleteGroupOffsets(cluster, group);
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      <Select label={t('group.topic')} value={topic} onChange={(e) => setTopic(e.target.value)}>
        {topics.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </Select>
      <Button variant="danger-outline" onClick={() => setAsking(true)}>
        {t('group.deleteOffsetsFor')}
      </Button>
      {mutation.isSuccess && (
        <span role="status">{t('group.offsetsDeleted', { topic: mutation.data.topic })}</span>
      )}
      {asking && (
        <ConfirmDialog
          title={t('group.deleteOffsetsTitle', { group, topic })}
          confirmLabel={t('group.deleteOffsets')}
          danger
          pending={mutation.isPending}
          error={mutation.error}
          onCancel={() => setAsking(false)}
          onConfirm={() => mutation.mutate(topic, { onSuccess: () => setAsking(false) })}
        >
          <p>{t('group.deleteOffsetsText', { topic })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
