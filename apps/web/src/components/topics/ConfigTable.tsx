import { useMemo, useState } from 'react';
import type { ConfigEntry } from '@tributary/contract';

const SOURCE_LABEL: Record<ConfigEntry['source'], string> = {
  topic: 'topic override',
  broker: 'broker',
  default: 'default',
};

export interface ConfigEditing {
  /** Saves one value; resolves when the server accepted it. */
  onSave: (name: string, value: string) => Promise<unknown>;
  onReset: (name: string) => Promise<unknown>;
  /** Called when an edit starts or is cancelled: a stale error from an earlier attempt goes away. */
  onDiscard?: () => void;
  pending: boolean;
}

/** Every config entry, overrides highlighted; with `editing`, one value at a time can change or be reset. */
export function ConfigTable({
  configs,
  editing,
  label,
}: {
  configs: ConfigEntry[];
  editing?: ConfigEditing;
  label: string;
}) {
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const [edit, setEdit] = useState<{ name: string; value: string } | null>(null);
  const overrideSource = editing ? 'topic' : 'broker';
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return configs.filter(
      (c) => (!f || c.name.includes(f)) && (!onlyOverrides || c.source === overrideSource),
    );
  }, [configs, filter, onlyOverrides, overrideSource]);

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <input
          type="search"
          aria-label="Filter configs"
          placeholder="Filter configs…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={onlyOverrides}
            onChange={(e) => setOnlyOverrides(e.target.checked)}
          />
          Only {editing ? 'topic overrides' : 'values set on the broker'}
        </label>
        <span className="text-xs text-slate-500">
          {shown.length} of {configs.length}
        </span>
      </div>
      <table aria-label={label} className="w-full border-collapse rounded bg-white text-left text-sm shadow">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Value</th>
            <th className="px-3 py-2">Source</th>
            {editing && (
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => {
            const override = c.source === overrideSource;
            const isEditing = edit?.name === c.name;
            return (
              <tr
                key={c.name}
                className={`border-t border-slate-100 align-top ${override ? 'bg-amber-50' : ''}`}
              >
                <td className="px-3 py-2">
                  <div className="font-mono text-xs font-medium">{c.name}</div>
                  {c.documentation && (
                    <details className="mt-0.5 max-w-xl text-xs text-slate-500">
                      <summary className="cursor-pointer select-none">about</summary>
                      <p className="mt-1 whitespace-pre-line">{c.documentation.replace(/<[^>]+>/g, '')}</p>
                    </details>
                  )}
                </td>
                <td className="px-3 py-2 font-mono text-xs break-all">
                  {isEditing ? (
                    <form
                      className="flex gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void editing?.onSave(c.name, edit.value).then(
                          () => setEdit(null),
                          () => {},
                        );
                      }}
                    >
                      <input
                        aria-label={`New value for ${c.name}`}
                        value={edit.value}
                        onChange={(e) => setEdit({ name: c.name, value: e.target.value })}
                        className="w-48 rounded border border-slate-300 px-2 py-1"
                        autoFocus
                      />
                      <button
                        type="submit"
                        disabled={editing?.pending}
                        className="rounded bg-blue-600 px-2 py-1 text-white disabled:opacity-50"
                      >
                        Save
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          setEdit(null);
                          editing?.onDiscard?.();
                        }}
                        className="rounded border border-slate-300 px-2 py-1"
                      >
                        Cancel
                      </button>
                    </form>
                  ) : c.sensitive ? (
                    <span className="text-slate-400">(sensitive)</span>
                  ) : (
                    (c.value ?? <span className="text-slate-400">null</span>)
                  )}
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">
                  <span
                    title={c.kafkaSource}
                    className={`rounded px-1.5 py-0.5 ${override ? 'bg-amber-200 text-amber-900' : 'bg-slate-100 text-slate-600'}`}
                  >
                    {SOURCE_LABEL[c.source]}
                  </span>
                  {c.readOnly && <span className="ml-1 text-slate-400">read-only</span>}
                </td>
                {editing && (
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {!c.readOnly && !isEditing && (
                      <button
                        type="button"
                        aria-label={`Edit ${c.name}`}
                        onClick={() => {
                          setEdit({ name: c.name, value: c.value ?? '' });
                          editing.onDiscard?.();
                        }}
                        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                      >
                        Edit
                      </button>
                    )}
                    {override && !isEditing && (
                      <button
                        type="button"
                        aria-label={`Reset ${c.name} to default`}
                        disabled={editing.pending}
                        onClick={() => void editing.onReset(c.name).catch(() => {})}
                        className="ml-1 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                      >
                        Reset
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
