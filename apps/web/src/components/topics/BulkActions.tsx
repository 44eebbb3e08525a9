import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMay } from '../../api/auth.ts';
import { useBulkTopics, type BulkChange, type BulkOutcome } from '../../api/topics.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Checkbox, TextField } from '../ui/Field.tsx';
import { useToast } from '../ui/Toast.tsx';

type Open = 'delete' | 'purge' | 'config' | null;

/** The names, one per line: every confirmation says exactly which topics it touches. */
function Names({ topics }: { topics: string[] }) {
  return (
    <ul className="max-h-40 list-inside list-disc overflow-auto font-mono text-xs">
      {topics.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** What failed, each with the server's sentence (the rest went through). */
function Failures({ outcome }: { outcome: BulkOutcome | undefined }) {
  const { t } = useTranslation();
  if (!outcome?.failed.length) return null;
  return (
    <div role="alert" className="rounded border-l-4 border-danger bg-danger-soft px-3 py-2">
      <p>{t('bulk.someFailed', { done: outcome.done.length, failed: outcome.failed.length })}</p>
      <ul className="mt-1 list-inside list-disc">
        {outcome.failed.map((f) => (
          <li key={f.topic}>
            <span className="font-mono">{f.topic}</span>: {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Delete, purge or edit one config of the selected topics; `onDone` clears the selection. */
export function BulkActions({
  cluster,
  topics,
  onDone,
}: {
  cluster: string;
  topics: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const toast = useToast();
  const bulk = useBulkTopics(cluster);
  const [open, setOpen] = useState<Open>(null);
  const [configName, setConfigName] = useState('');
  const [configValue, setConfigValue] = useState('');
  const [reset, setReset] = useState(false);
  const count = topics.length;
  const close = () => {
    setOpen(null);
    bulk.reset();
  };
  const run = (change: BulkChange, done: string) =>
    bulk.mutate(
      { topics, change },
      {
        onSuccess: (outcome) => {
          if (outcome.failed.length) return; // the dialog stays open and lists them
          close();
          onDone();
          toast(done);
        },
      },
    );
  const typed = t('bulk.deleteTyped', { count });
  return (
    <div role="toolbar" aria-label={t('bulk.toolbar')} className="mb-3 flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium">{t('bulk.selected', { count })}</span>
      {may('admin') && (
        <Button size="sm" onClick={() => setOpen('config')}>
          {t('bulk.config')}
        </Button>
      )}
      {may('operator') && (
        <Button size="sm" variant="warn-outline" onClick={() => setOpen('purge')}>
          {t('bulk.purge')}
        </Button>
      )}
      {may('admin') && (
        <Button size="sm" variant="danger-outline" onClick={() => setOpen('delete')}>
          {t('bulk.delete')}
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={onDone}>
        {t('bulk.clear')}
      </Button>
      {open === 'delete' && (
        <ConfirmDialog
          title={t('bulk.deleteTitle', { count })}
          confirmLabel={t('bulk.deleteConfirm', { count })}
          danger
          typeToConfirm={typed}
          pending={bulk.isPending}
          onCancel={close}
          onConfirm={() => run({ kind: 'delete' }, t('bulk.deleted', { count }))}
        >
          <p>{t('bulk.deleteText', { count, cluster })}</p>
          <Names topics={topics} />
          <Failures outcome={bulk.data} />
        </ConfirmDialog>
      )}
      {open === 'purge' && (
        <ConfirmDialog
          title={t('bulk.purgeTitle', { count })}
          confirmLabel={t('bulk.purgeConfirm', { count })}
          danger
          pending={bulk.isPending}
          onCancel={close}
          onConfirm={() => run({ kind: 'purge' }, t('bulk.purged', { count }))}
        >
          <p>{t('bulk.purgeText', { count })}</p>
          <Names topics={topics} />
          <Failures outcome={bulk.data} />
        </ConfirmDialog>
      )}
      {open === 'config' && (
        <ConfirmDialog
          title={t('bulk.configTitle', { count })}
          confirmLabel={t('bulk.configConfirm', { count })}
          confirmDisabled={!configName.trim()}
          pending={bulk.isPending}
          onCancel={close}
          onConfirm={() =>
            run(
              { kind: 'config', name: configName.trim(), value: reset ? null : configValue },
              t('bulk.configured', { count, name: configName.trim() }),
            )
          }
        >
          <TextField
            label={t('configs.name')}
            value={configName}
            inputClassName="font-mono"
            onChange={(e) => setConfigName(e.target.value)}
          />
          <TextField
            label={t('configs.value')}
            value={configValue}
            disabled={reset}
            inputClassName="font-mono"
            onChange={(e) => setConfigValue(e.target.value)}
          />
          <Checkbox
            label={t('bulk.resetConfig')}
            checked={reset}
            onChange={(e) => setReset(e.target.checked)}
          />
          <p>{t('bulk.configText', { count })}</p>
          <Names topics={topics} />
          <Failures outcome={bulk.data} />
        </ConfirmDialog>
      )}
    </div>
  );
}
