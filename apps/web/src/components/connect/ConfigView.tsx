import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/DataTable.tsx';
import { Tabs } from '../ui/Tabs.tsx';

const SECRET = /password|secret|token|credential|(^|\.)key$/i;

/** A connector's config as a readable table or as JSON; secret-looking values masked in the table. */
export function ConfigView({ config }: { config: Record<string, string> }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'table' | 'json'>('table');
  const entries = Object.entries(config).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div>
      <Tabs
        label={t('connector.configView')}
        value={view}
        onChange={setView}
        tabs={[
          { value: 'table', label: t('connector.table') },
          { value: 'json', label: t('connector.json') },
        ]}
      />
      {view === 'json' ? (
        <pre
          aria-label={t('connector.configJson')}
          className="overflow-x-auto rounded border border-line bg-surface-2 p-3 font-mono text-xs text-fg"
        >
          {JSON.stringify(config, null, 2)}
        </pre>
      ) : (
        <DataTable
          label={t('connector.config')}
          dense
          columns={[
            {
              key: 'setting',
              header: t('connector.setting'),
              className: 'w-1/3 font-mono text-xs break-all text-muted',
              cell: ([k]) => k,
            },
            {
              key: 'value',
              header: t('connector.value'),
              className: 'font-mono text-xs break-all',
              cell: ([k, v]) => (SECRET.test(k) ? '••••••' : v),
            },
          ]}
          rows={entries}
          rowKey={([k]) => k}
        />
      )}
    </div>
  );
}
