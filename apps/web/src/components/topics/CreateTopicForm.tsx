import { useId, useState, type FormEvent } from 'react';
import type { CreatedTopic } from '@tributary/contract';
import { useCreateTopic } from '../../api/topics.ts';
import { ErrorBanner } from '../ErrorBanner.tsx';

/** Parses "retention.ms=60000" lines; the server validates names and values. */
function parseConfigs(text: string): Record<string, string> | string {
  const configs: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 1) return `Line ${i + 1} is not key=value: "${line}"`;
    configs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return configs;
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
  const id = useId();
  const create = useCreateTopic(cluster);
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('1');
  const [replicationFactor, setReplicationFactor] = useState('');
  const [configText, setConfigText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const configs = parseConfigs(configText);
    if (typeof configs === 'string') return setLocalError(configs);
    setLocalError(null);
    create.mutate(
      {
        name: name.trim(),
        partitions: Number(partitions),
        ...(replicationFactor.trim() ? { replicationFactor: Number(replicationFactor) } : {}),
        configs,
      },
      { onSuccess: onCreated },
    );
  }

  const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form
      aria-label="Create topic"
      onSubmit={submit}
      className="mb-6 max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 className="mb-3 text-lg font-semibold">Create topic</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <label htmlFor={`${id}-name`} className="text-sm text-slate-700">
            Topic name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={`${field} font-mono`}
            autoFocus
          />
          <p className="mt-1 text-xs text-slate-500">
            Letters, digits, “.”, “_” and “-”; up to 249 characters.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-partitions`} className="text-sm text-slate-700">
            Partitions
          </label>
          <input
            id={`${id}-partitions`}
            type="number"
            value={partitions}
            onChange={(e) => setPartitions(e.target.value)}
            className={field}
          />
        </div>
        <div>
          <label htmlFor={`${id}-rf`} className="text-sm text-slate-700">
            Replication factor
          </label>
          <input
            id={`${id}-rf`}
            type="number"
            placeholder="broker default"
            value={replicationFactor}
            onChange={(e) => setReplicationFactor(e.target.value)}
            className={field}
          />
        </div>
        <div className="sm:col-span-3">
          <label htmlFor={`${id}-configs`} className="text-sm text-slate-700">
            Configs (one key=value per line, optional)
          </label>
          <textarea
            id={`${id}-configs`}
            rows={3}
            placeholder={'retention.ms=604800000\ncleanup.policy=compact'}
            value={configText}
            onChange={(e) => setConfigText(e.target.value)}
            className={`${field} font-mono`}
          />
        </div>
      </div>
      <ErrorBanner error={localError ?? create.error} />
      <div className="mt-3 flex gap-2">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
        >
          {create.isPending ? 'Creating…' : 'Create topic'}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
