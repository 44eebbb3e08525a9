import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CreateConnectorBody, FieldErrors } from '@tributary/contract';
import { ApiError } from '../../api/client.ts';
import { useConnects, useCreateConnector, usePluginConfig, usePlugins } from '../../api/connect.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ConfigForm } from '../../components/connect/ConfigForm.tsx';
import { connectorHref } from '../../components/connect/ConnectorsTable.tsx';

/** Reads the JSON editor: `{name, config}` (as Connect's POST takes it) or a bare config object. */
function parseJson(text: string, fallbackName: string): CreateConnectorBody {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('The JSON must be an object: {"name": ..., "config": {...}} or the config itself.');
  const object = parsed as Record<string, unknown>;
  if (typeof object.config === 'object' && object.config !== null)
    return {
      name: typeof object.name === 'string' ? object.name : fallbackName,
      config: object.config as CreateConnectorBody['config'],
    };
  const name = typeof object.name === 'string' ? object.name : fallbackName;
  return { name, config: object as CreateConnectorBody['config'] };
}

/** Create a connector: choose a Connect cluster and a plugin, then fill the generated form or paste JSON. */
export function CreateConnectorPage() {
  const { cluster = '' } = useParams();
  const navigate = useNavigate();
  const connects = useConnects(cluster);
  const [chosen, setConnect] = useState('');
  const connect = chosen || connects.data?.[0]?.name || '';
  const plugins = usePlugins(cluster, connect);
  const [cls, setCls] = useState('');
  const definition = usePluginConfig(cluster, connect, cls);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState('');
  const create = useCreateConnector(cluster, connect);
  const fieldErrors: FieldErrors[] = create.error instanceof ApiError ? create.error.fields : [];

  const formBody = (): CreateConnectorBody => ({
    name,
    config: {
      'connector.class': cls,
      ...Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')),
    },
  });

  const toJson = () => {
    setJson(JSON.stringify(formBody(), null, 2));
    setMode('json');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setJsonError('');
    let body: CreateConnectorBody;
    try {
      body = mode === 'json' ? parseJson(json, name) : formBody();
    } catch (error) {
      setJsonError((error as Error).message);
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => navigate(connectorHref(cluster, connect, created.name)),
    });
  };

  const unshown = fieldErrors.filter(
    (f) => mode === 'json' || !definition.data?.some((k) => k.name === f.name && f.name !== 'name'),
  );

  return (
    <section className="max-w-3xl">
      <p className="mb-1 text-sm">
        <Link
          to={`/clusters/${encodeURIComponent(cluster)}/connect`}
          className="text-blue-700 hover:underline"
        >
          Kafka Connect
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold">Create connector</h1>
      <form onSubmit={submit} className="space-y-4">
        <div className="flex flex-wrap gap-4">
          <label className="text-sm text-slate-700">
            Connect cluster
            <select
              value={connect}
              onChange={(e) => setConnect(e.target.value)}
              className="ml-2 rounded border border-slate-300 px-2 py-1"
            >
              {connects.data?.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.status})
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-700">
            Plugin
            <select
              value={cls}
              onChange={(e) => {
                setCls(e.target.value);
                setValues({});
              }}
              className="ml-2 rounded border border-slate-300 px-2 py-1"
            >
              <option value="">Choose…</option>
              {plugins.data?.map((p) => (
                <option key={p.class} value={p.class}>
                  {p.class.slice(p.class.lastIndexOf('.') + 1)} ({p.type}, {p.version})
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorBanner error={plugins.error ?? connects.error} />
        <label className="block text-sm font-medium text-slate-700">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required={mode === 'form'}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
          />
        </label>
        <div role="tablist" aria-label="Editor" className="flex gap-3 border-b border-slate-200 text-sm">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'form'}
            onClick={() => setMode('form')}
            className={`-mb-px border-b-2 px-2 py-1 ${mode === 'form' ? 'border-blue-600 text-blue-700' : 'border-transparent'}`}
          >
            Form
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'json'}
            onClick={toJson}
            className={`-mb-px border-b-2 px-2 py-1 ${mode === 'json' ? 'border-blue-600 text-blue-700' : 'border-transparent'}`}
          >
            JSON
          </button>
        </div>
        {mode === 'form' ? (
          <>
            {!cls && <p className="text-sm text-slate-500">Choose a plugin to see its settings.</p>}
            <ErrorBanner error={definition.error} />
            {definition.data && (
              <ConfigForm
                definition={definition.data}
                values={values}
                errors={fieldErrors}
                onChange={(k, v) => setValues((prev) => ({ ...prev, [k]: v }))}
              />
            )}
          </>
        ) : (
          <label className="block text-sm text-slate-700">
            Connector JSON ({'{"name", "config"}'} or the config alone)
            <textarea
              value={json}
              onChange={(e) => setJson(e.target.value)}
              rows={16}
              spellCheck={false}
              className="mt-1 w-full rounded border border-slate-300 p-2 font-mono text-xs"
            />
          </label>
        )}
        {jsonError && <ErrorBanner error={jsonError} />}
        <ErrorBanner error={create.error} />
        {unshown.length > 0 && (
          <ul className="text-sm text-red-700">
            {unshown.map((f) => (
              <li key={f.name}>
                <span className="font-mono">{f.name}</span>: {f.errors.join(' ')}
              </li>
            ))}
          </ul>
        )}
        <button
          type="submit"
          disabled={create.isPending || !connect || (mode === 'form' && !cls)}
          className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
        >
          {create.isPending ? 'Creating…' : 'Create connector'}
        </button>
      </form>
    </section>
  );
}
