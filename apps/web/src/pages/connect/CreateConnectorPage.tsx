import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { CreateConnectorBody, FieldErrors } from '@tributary/contract';
import { ApiError } from '../../api/client.ts';
import { useConnects, useCreateConnector, usePluginConfig, usePlugins } from '../../api/connect.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Select, TextArea, TextField } from '../../components/ui/Field.tsx';
import { linkClass, Muted, PageHeader } from '../../components/ui/Page.tsx';
import { Tabs } from '../../components/ui/Tabs.tsx';
import { ConfigForm } from '../../components/connect/ConfigForm.tsx';
import { connectorHref } from '../../components/connect/ConnectorsTable.tsx';

/** Reads the JSON editor: `{name, config}` (as Connect's POST takes it) or a bare config object. */
function parseJson(text: string, fallbackName: string, t: TFunction): CreateConnectorBody {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(t('createConnector.jsonObject'));
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
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const navigate = useNavigate();
  const connects = useConnects(cluster);
  // The Connect cluster, the plugin and the editor are in the address: a link or a reload opens the same form.
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const connect = params.get('connect') || connects.data?.[0]?.name || '';
  const plugins = usePlugins(cluster, connect);
  const cls = params.get('class') ?? '';
  const definition = usePluginConfig(cluster, connect, cls);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const mode = params.get('editor') === 'json' ? 'json' : 'form';
  const setMode = (next: 'form' | 'json') => setParam('editor', next === 'json' ? 'json' : '');
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
      body = mode === 'json' ? parseJson(json, name, t) : formBody();
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
        <Link to={`/clusters/${encodeURIComponent(cluster)}/connect`} className={linkClass}>
          {t('connect.title')}
        </Link>
      </p>
      <PageHeader title={t('createConnector.title')} />
      <form onSubmit={submit} className="space-y-4">
        <div className="flex flex-wrap gap-4">
          <Select
            label={t('connect.connectCluster')}
            value={connect}
            onChange={(e) => setParam('connect', e.target.value)}
            className="max-w-full"
          >
            {connects.data?.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({t(`connect.status.${c.status}`)})
              </option>
            ))}
          </Select>
          <Select
            label={t('createConnector.plugin')}
            value={cls}
            onChange={(e) => {
              setParam('class', e.target.value);
              setValues({});
            }}
            className="max-w-full"
            inputClassName="max-w-full"
          >
            <option value="">{t('createConnector.choose')}</option>
            {plugins.data?.map((p) => (
              <option key={p.class} value={p.class}>
                {p.class.slice(p.class.lastIndexOf('.') + 1)} ({p.type}, {p.version})
              </option>
            ))}
          </Select>
        </div>
        <ErrorBanner error={plugins.error ?? connects.error} />
        <TextField
          label={t('createConnector.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required={mode === 'form'}
          inputClassName="w-full font-mono"
        />
        <Tabs
          label={t('createConnector.editor')}
          value={mode}
          onChange={(next) => (next === 'json' ? toJson() : setMode('form'))}
          tabs={[
            { value: 'form', label: t('createConnector.form') },
            { value: 'json', label: t('createConnector.json') },
          ]}
        />
        {mode === 'form' ? (
          <>
            {!cls && <Muted>{t('createConnector.choosePlugin')}</Muted>}
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
          <TextArea
            label={t('createConnector.jsonLabel')}
            value={json}
            onChange={(e) => setJson(e.target.value)}
            rows={16}
            spellCheck={false}
            inputClassName="w-full text-xs"
          />
        )}
        {jsonError && <ErrorBanner error={jsonError} />}
        <ErrorBanner error={create.error} />
        {unshown.length > 0 && (
          <ul className="text-sm text-danger">
            {unshown.map((f) => (
              <li key={f.name} className="break-all">
                <span className="font-mono">{f.name}</span>: {f.errors.join(' ')}
              </li>
            ))}
          </ul>
        )}
        <Button
          type="submit"
          variant="primary"
          disabled={!connect || (mode === 'form' && !cls)}
          busy={create.isPending}
          busyLabel={t('createConnector.creating')}
        >
          {t('createConnector.title')}
        </Button>
      </form>
    </section>
  );
}
