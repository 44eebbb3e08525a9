import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigEntry } from '@tributary/contract';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Checkbox, inputClass } from '../ui/Field.tsx';
import { humanConfigValue } from '../ui/format.ts';
import { SearchBox } from '../ui/SearchBox.tsx';

export interface ConfigEditing {
  /** Saves one value; resolves when the server accepted it. */
  onSave: (name: string, value: string) => Promise<unknown>;
  onReset: (name: string) => Promise<unknown>;
  /** Called when an edit starts or is cancelled: a stale error from an earlier attempt goes away. */
  onDiscard?: () => void;
  pending: boolean;
  /** Which entries can go back to their inherited value; default: the overrides. */
  resettable?: (c: ConfigEntry) => boolean;
}

/** Every config entry, overrides highlighted, values in human units (raw on hover); with `editing`, one value at a time can change or be reset. */
export function ConfigTable({
  configs,
  editing,
  label,
  of,
}: {
  configs: ConfigEntry[];
  editing?: ConfigEditing;
  label: string;
  /** Whose configs these are (which source counts as an override); default: a topic's when editable. */
  of?: 'topic' | 'broker';
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const [edit, setEdit] = useState<{ name: string; value: string } | null>(null);
  const overrideSource = of ?? (editing ? 'topic' : 'broker');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return configs.filter(
      (c) => (!f || c.name.includes(f)) && (!onlyOverrides || c.source === overrideSource),
    );
  }, [configs, filter, onlyOverrides, overrideSource]);

  const value = (c: ConfigEntry) => {
    if (edit?.name === c.name)
      return (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void editing?.onSave(c.name, edit.value).then(
              () => setEdit(null),
              () => {},
            );
          }}
        >
          <input
            aria-label={t('configs.newValue', { name: c.name })}
            value={edit.value}
            onChange={(e) => setEdit({ name: c.name, value: e.target.value })}
            className={`${inputClass} w-48`}
            autoFocus
          />
          <Button type="submit" variant="primary" size="sm" disabled={editing?.pending}>
            {t('common.save')}
          </Button>
          <Button
            size="sm"
            onClick={() => {
              setEdit(null);
              editing?.onDiscard?.();
            }}
          >
            {t('common.cancel')}
          </Button>
        </form>
      );
    if (c.sensitive) return <span className="text-muted">{t('configs.sensitive')}</span>;
    if (c.value === null) return <span className="text-muted">null</span>;
    const human = humanConfigValue(c.name, c.value, t('configs.unlimited'));
    return human ? (
      <span title={c.value}>
        {human} <span className="text-muted">({c.value})</span>
      </span>
    ) : (
      c.value
    );
  };

  const columns: Column<ConfigEntry>[] = [
    {
      key: 'name',
      header: t('configs.name'),
      cell: (c) => (
        <>
          <div className="font-mono text-xs font-medium">{c.name}</div>
          {c.documentation && (
            <details className="mt-0.5 max-w-xl text-xs text-muted">
              <summary className="cursor-pointer select-none">{t('configs.about')}</summary>
              <p className="mt-1 whitespace-pre-line">{c.documentation.replace(/<[^>]+>/g, '')}</p>
            </details>
          )}
        </>
      ),
    },
    { key: 'value', header: t('configs.value'), className: 'font-mono text-xs break-all', cell: value },
    {
      key: 'source',
      header: t('configs.source'),
      className: 'text-xs whitespace-nowrap',
      cell: (c) => (
        <>
          <Badge tone={c.source === overrideSource ? 'warn' : 'neutral'} title={c.kafkaSource}>
            {t(`configs.sources.${c.source}`)}
          </Badge>
          {c.readOnly && (
            <span className="ml-1 text-muted" title={t('configs.readOnlyWhy')}>
              {t('configs.readOnly')}
            </span>
          )}
        </>
      ),
    },
  ];
  if (editing)
    columns.push({
      key: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      className: 'text-right whitespace-nowrap',
      cell: (c) =>
        edit?.name === c.name ? null : (
          <span className="inline-flex gap-1">
            {!c.readOnly && (
              <Button
                size="sm"
                aria-label={t('configs.edit', { name: c.name })}
                onClick={() => {
                  setEdit({ name: c.name, value: c.value ?? '' });
                  editing.onDiscard?.();
                }}
              >
                {t('common.edit')}
              </Button>
            )}
            {(editing.resettable ? editing.resettable(c) : c.source === overrideSource) && (
              <Button
                size="sm"
                aria-label={t('configs.reset', { name: c.name })}
                disabled={editing.pending}
                onClick={() => void editing.onReset(c.name).catch(() => {})}
              >
                {t('common.reset')}
              </Button>
            )}
          </span>
        ),
    });

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <SearchBox
          label={t('configs.filter')}
          placeholder={t('configs.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <Checkbox
          label={overrideSource === 'topic' ? t('configs.onlyTopic') : t('configs.onlyBroker')}
          checked={onlyOverrides}
          onChange={(e) => setOnlyOverrides(e.target.checked)}
        />
        <span className="text-xs text-muted">
          {t('configs.shown', { shown: shown.length, total: configs.length })}
        </span>
      </div>
      <DataTable
        label={label}
        columns={columns}
        rows={shown}
        rowKey={(c) => c.name}
        rowClass={(c) => (c.source === overrideSource ? 'bg-warn-soft' : '')}
        maxHeight="max-h-[75vh]"
      />
    </div>
  );
}
