import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedTopic } from '@tributary/contract';
import { useCreateTopic } from '../../api/topics.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { TextArea, TextField } from '../ui/Field.tsx';

/** Parses "retention.ms=60000" lines; the server validates names and values. Returns the bad line's number. */
function parseConfigs(text: string): Record<string, string> | { line: number; text: string } {
  const configs: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 1) return { line: i + 1, text: line };
    configs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return configs;
}

/** Ready-made settings a person adds with one click; each is plain `key=value` lines in the form after. */
export const PRESETS = [
  { id: 'compacted', configs: { 'cleanup.policy': 'compact' } },
  { id: 'retention7d', configs: { 'retention.ms': '604800000' } },
  { id: 'retention1d', configs: { 'retention.ms': '86400000' } },
  { id: 'compactDelete', configs: { 'cleanup.policy': 'compact,delete', 'retention.ms': '604800000' } },
  { id: 'size1g', configs: { 'retention.bytes': '1073741824' } },
] as const;

/** The lines with a preset's keys set (an earlier line with the same key is replaced). */
export function withPreset(text: string, configs: Readonly<Record<string, string>>): string {
  const kept = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !(l.split('=')[0]!.trim() in configs));
  return [...kept, ...Object.entries(configs).map(([k, v]) => `${k}=${v}`)].join('\n');
}

/** `kafka-topics --create`: name, partitions, replication factor and configs; the server's answer is shown as is. */
export function CreateTopicForm({
  cluster,
  onCreated,
  onCancel,
}: {
  cluster: string;
  onCreated: (created: CreatedTopic) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTopic(cluster);
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('1');
  const [replicationFactor, setReplicationFactor] = useState('');
  const [configText, setConfigText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const configs = parseConfigs(configText);
    if ('line' in configs && typeof configs.line === 'number')
      return setLocalError(t('createTopic.badLine', { line: configs.line, text: configs.text }));
    setLocalError(null);
    create.mutate(
      {
        name: name.trim(),
        partitions: Number(partitions),
        ...(replicationFactor.trim() ? { replicationFactor: Number(replicationFactor) } : {}),
        configs: configs as Record<string, string>,
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <form
      aria-label={t('createTopic.title')}
      onSubmit={submit}
      className="mb-6 max-w-2xl rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <h2 className="mb-3 text-lg font-semibold">{t('createTopic.title')}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          className="sm:col-span-3"
          label={t('createTopic.name')}
          help={t('createTopic.nameHelp')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          inputClassName="font-mono"
          autoFocus
        />
        <TextField
          label={t('topics.partitions')}
          type="number"
          value={partitions}
          onChange={(e) => setPartitions(e.target.value)}
        />
        <TextField
          label={t('createTopic.replicationFactor')}
          type="number"
          placeholder={t('createTopic.brokerDefault')}
          value={replicationFactor}
          onChange={(e) => setReplicationFactor(e.target.value)}
        />
        <div className="sm:col-span-3" role="group" aria-label={t('createTopic.presets')}>
          <span className="mb-1 block text-sm font-medium">{t('createTopic.presets')}</span>
          <div className="flex flex-wrap gap-2">
            {PRESETS.map((p) => (
              <Button key={p.id} size="sm" onClick={() => setConfigText(withPreset(configText, p.configs))}>
                {t(`createTopic.preset.${p.id}`)}
              </Button>
            ))}
          </div>
        </div>
        <TextArea
          className="sm:col-span-3"
          label={t('createTopic.configs')}
          rows={3}
          placeholder={'retention.ms=604800000\ncleanup.policy=compact'}
          value={configText}
          onChange={(e) => setConfigText(e.target.value)}
        />
      </div>
      <ErrorBanner error={localError ?? create.error} />
      <div className="mt-3 flex gap-2">
        <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('createTopic.creating')}>
          {t('createTopic.title')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
