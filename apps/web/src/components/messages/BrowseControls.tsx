import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataFormat, MessageOrder, SeekMode } from '@tributary/contract';
import { usePrefs } from '../../prefs.ts';
import { Button } from '../ui/Button.tsx';
import { Checkbox, Select, TextField } from '../ui/Field.tsx';
import { Card, Toolbar } from '../ui/Page.tsx';
import { zoneName } from '../ui/time.ts';
import { FORMATS, type BrowseForm } from './browseForm.ts';
import { PartitionPicker } from './PartitionPicker.tsx';

/** Where to read from, which partitions, how to decode, what to keep; Apply puts it in the address. */
export function BrowseControls({
  initial,
  partitionCount,
  onApply,
  onChange,
}: {
  /** What the address holds; the boxes start from it (the parent remounts on a new address). */
  initial: BrowseForm;
  partitionCount: number;
  onApply: (form: BrowseForm) => void;
  /** Every edit, before Apply (a server-side search uses what the boxes hold). */
  onChange?: (form: BrowseForm) => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const [form, setForm] = useState(initial);
  useEffect(() => {
    onChange?.(form);
  }, [form, onChange]);
  const set = <K extends keyof BrowseForm>(key: K, value: BrowseForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(form);
  };
  return (
    <form onSubmit={submit} aria-label={t('browse.label')} className="mb-3">
      <Card className="space-y-3">
        <Toolbar>
          <Select
            label={t('browse.seek')}
            value={form.seek}
            onChange={(e) => set('seek', e.target.value as SeekMode)}
          >
            <option value="newest">{t('browse.seekNewest')}</option>
            <option value="oldest">{t('browse.seekOldest')}</option>
            <option value="offset">{t('browse.seekOffset')}</option>
            <option value="timestamp">{t('browse.seekTimestamp')}</option>
          </Select>
          {form.seek === 'offset' && (
            <TextField
              label={t('browse.offset')}
              inputClassName="w-44 font-mono"
              value={form.offset}
              onChange={(e) => set('offset', e.target.value)}
              placeholder="0:15,2:30"
            />
          )}
          {form.seek === 'timestamp' && (
            <TextField
              label={t('browse.fromTime', { zone: zoneName(timeZone) })}
              type="datetime-local"
              step="1"
              value={form.timestamp}
              onChange={(e) => set('timestamp', e.target.value)}
            />
          )}
          <PartitionPicker
            count={partitionCount}
            value={form.partitions}
            onChange={(p) => set('partitions', p)}
          />
          <TextField
            label={t('browse.limit')}
            type="number"
            min={1}
            max={500}
            inputClassName="w-20"
            value={form.limit}
            onChange={(e) => set('limit', Number(e.target.value))}
          />
          <Select
            label={t('browse.order')}
            value={form.order}
            onChange={(e) => set('order', e.target.value as MessageOrder | '')}
          >
            <option value="">{t('browse.orderDefault')}</option>
            <option value="newest-first">{t('browse.newestFirst')}</option>
            <option value="oldest-first">{t('browse.oldestFirst')}</option>
          </Select>
          <Select
            label={t('browse.keyFormat')}
            value={form.keyFormat}
            onChange={(e) => set('keyFormat', e.target.value as DataFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>
          <Select
            label={t('browse.valueFormat')}
            value={form.valueFormat}
            onChange={(e) => set('valueFormat', e.target.value as DataFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>
          <Select
            label={t('browse.cutAt')}
            value={form.maxValueBytes}
            onChange={(e) => set('maxValueBytes', Number(e.target.value))}
          >
            {[1024, 16 * 1024, 256 * 1024, 1024 * 1024].map((n) => (
              <option key={n} value={n}>
                {n >= 1024 * 1024 ? `${n / 1024 / 1024} MiB` : `${n / 1024} KiB`}
              </option>
            ))}
          </Select>
        </Toolbar>
        <Toolbar>
          <TextField
            label={t('browse.contains')}
            inputClassName="sm:w-56"
            value={form.q}
            onChange={(e) => set('q', e.target.value)}
          />
          <Checkbox
            className="pb-1"
            label={t('browse.caseSensitive')}
            checked={form.caseSensitive}
            onChange={(e) => set('caseSensitive', e.target.checked)}
          />
          <TextField
            className="min-w-0 flex-1 sm:min-w-72"
            label={t('browse.filter')}
            inputClassName="font-mono"
            value={form.filter}
            onChange={(e) => set('filter', e.target.value)}
            placeholder={'value.user.age > 30 && headers.source == "kcat"'}
          />
          <FilterSyntax />
          <Button type="submit" variant="primary">
            {t('browse.apply')}
          </Button>
        </Toolbar>
      </Card>
    </form>
  );
}

/** The filter language in a few lines, one click away. */
export function FilterSyntax() {
  const { t } = useTranslation();
  return (
    <details className="relative pb-1 text-xs text-muted">
      <summary className="cursor-pointer">{t('browse.syntax')}</summary>
      <div className="absolute right-0 z-10 mt-1 w-72 space-y-1 rounded border border-line-strong bg-surface p-2 text-fg shadow sm:w-96">
        <p>
          {t('browse.syntaxNames')} <code>key</code>, <code>value</code> (<code>value.user.age</code>,{' '}
          <code>value.items[0]</code>), <code>headers.name</code>, <code>headers["x-id"]</code>,{' '}
          <code>partition</code>, <code>offset</code>, <code>timestamp</code> (ms).
        </p>
        <p>
          {t('browse.syntaxCompare')} <code>== != &gt; &gt;= &lt; &lt;=</code>, <code>contains</code>,{' '}
          <code>startsWith</code>, <code>endsWith</code>; <code>&amp;&amp;</code>, <code>||</code>,{' '}
          <code>!</code>, ( ). {t('browse.syntaxQuotes')}
        </p>
      </div>
    </details>
  );
}
