import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigEntry } from '@tributary/contract';
import { useMay } from '../../api/auth.ts';
import { useAlterBrokerConfigs, useBrokerConfigs } from '../../api/brokers.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { Muted } from '../ui/Page.tsx';
import { ConfigTable } from '../topics/ConfigTable.tsx';

/**
 * One broker's configs (`id`), or the cluster-wide defaults (`default`), editable for admins: dynamic
 * ones can be set and reset, read-only ones are shown as such. `anyBroker` lends its list of config names
 * to the defaults' form (the defaults answer only the ones that are set).
 */
export function BrokerConfigs({
  cluster,
  id,
  anyBroker,
}: {
  cluster: string;
  id: number | 'default';
  anyBroker: number | undefined;
}) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const configs = useBrokerConfigs(cluster, id);
  const alter = useAlterBrokerConfigs(cluster, id);
  const title = id === 'default' ? t('brokers.defaults') : t('brokers.configOf', { id });
  // Only a dynamic value set on this entity can be deleted; a static one lives in server.properties.
  const dynamic = id === 'default' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  const editing = may('admin')
    ? {
        editing: {
          pending: alter.isPending,
          onSave: (name: string, value: string) => alter.mutateAsync({ set: { [name]: value } }),
          onReset: (name: string) => alter.mutateAsync({ reset: [name] }),
          onDiscard: () => alter.reset(),
          resettable: (c: ConfigEntry) => c.kafkaSource === dynamic,
        },
      }
    : {};
  return (
    <section className="mt-8 max-w-5xl">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <Muted className="mb-3">
        {id === 'default' ? t('brokers.defaultsHelp') : t('brokers.dynamicHelp')}
      </Muted>
      <ErrorBanner error={configs.error} />
      <ErrorBanner error={alter.error} />
      {id === 'default' && may('admin') && (
        <NewDefault
          cluster={cluster}
          anyBroker={anyBroker}
          pending={alter.isPending}
          onSet={(name, value) => alter.mutateAsync({ set: { [name]: value } })}
        />
      )}
      {configs.isLoading && <Muted>{t('common.loading')}</Muted>}
      {configs.data && <ConfigTable label={title} configs={configs.data} of="broker" {...editing} />}
    </section>
  );
}

/** Sets a cluster-wide default not set yet; the names offered are a broker's dynamic ones. */
function NewDefault({
  cluster,
  anyBroker,
  pending,
  onSet,
}: {
  cluster: string;
  anyBroker: number | undefined;
  pending: boolean;
  onSet: (name: string, value: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const names = useBrokerConfigs(cluster, anyBroker);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const listId = `broker-config-names-${cluster}`;
  return (
    <form
      aria-label={t('brokers.setDefault')}
      className="mb-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onSet(name.trim(), value).then(
          () => {
            setName('');
            setValue('');
          },
          () => {},
        );
      }}
    >
      <TextField
        label={t('configs.name')}
        value={name}
        list={listId}
        className="w-72"
        onChange={(e) => setName(e.target.value)}
      />
      <datalist id={listId}>
        {names.data
          ?.filter((c) => !c.readOnly)
          .map((c) => (
            <option key={c.name} value={c.name} />
          ))}
      </datalist>
      <TextField label={t('configs.value')} value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" variant="primary" disabled={pending || !name.trim()}>
        {t('brokers.setDefaultButton')}
      </Button>
    </form>
  );
}
