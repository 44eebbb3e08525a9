import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProduce } from '../../api/messages.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Checkbox, inputClass, TextArea, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Card, Toolbar } from '../ui/Page.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { FileProduce } from './FileProduce.tsx';
import { LinesProduce } from './LinesProduce.tsx';
import { PartitionSelect } from './PartitionSelect.tsx';
import { TemplateBar } from './TemplateBar.tsx';

type Mode = 'single' | 'lines' | 'file';

export interface ProduceTarget {
  cluster: string;
  topic: string;
  partitionCount: number;
}

/** Produce one message, many pasted lines, or a file (CSV / JSON Lines) to the topic. */
export function ProducePanel(target: ProduceTarget) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('single');
  return (
    <Card as="section" aria-label={t('produce.label')} className="mb-3">
      <Tabs
        label={t('produce.mode')}
        value={mode}
        onChange={setMode}
        tabs={[
          { value: 'single', label: t('produce.single') },
          { value: 'lines', label: t('produce.lines') },
          { value: 'file', label: t('produce.file') },
        ]}
      />
      {mode === 'single' && <SingleProduce {...target} />}
      {mode === 'lines' && <LinesProduce {...target} />}
      {mode === 'file' && <FileProduce {...target} />}
    </Card>
  );
}

function SingleProduce({ cluster, topic, partitionCount }: ProduceTarget) {
  const { t } = useTranslation();
  const produce = useProduce(cluster, topic);
  const [key, setKey] = useState('');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('');
  const [tombstone, setTombstone] = useState(false);
  const [json, setJson] = useState(false);
  const [valueSubject, setValueSubject] = useState('');
  const [partition, setPartition] = useState<number | undefined>();
  const [headers, setHeaders] = useState<{ key: string; value: string }[]>([]);
  const setHeader = (i: number, change: Partial<{ key: string; value: string }>) =>
    setHeaders(headers.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <form
      aria-label={t('produce.singleForm')}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        produce.mutate({
          key: nullKey ? null : key,
          value: tombstone ? null : value,
          valueFormat: json ? 'json' : 'string',
          headers: headers.filter((h) => h.key),
          ...(partition !== undefined ? { partition } : {}),
          // The value is JSON written with the subject's latest schema (Confluent wire format).
          ...(valueSubject.trim() ? { valueSchema: { subject: valueSubject.trim() } } : {}),
        });
      }}
    >
      <TemplateBar
        cluster={cluster}
        current={() => ({
          topic,
          key: nullKey ? null : key,
          value: tombstone ? null : value,
          headers: headers.filter((h) => h.key),
          ...(partition !== undefined ? { partition } : {}),
        })}
        onPick={(x) => {
          setNullKey(x.key === null);
          setKey(x.key ?? '');
          setTombstone(x.value === null);
          setValue(x.value ?? '');
          setHeaders((x.headers ?? []).map((h) => ({ key: h.key, value: h.value ?? '' })));
          // A template of a topic with more partitions: let the key choose here.
          setPartition(x.partition !== undefined && x.partition < partitionCount ? x.partition : undefined);
        }}
      />
      <Toolbar>
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
        <TextField
          label={t('messages.key')}
          inputClassName="sm:w-56 font-mono"
          value={key}
          disabled={nullKey}
          onChange={(e) => setKey(e.target.value)}
        />
        <Checkbox
          className="pb-1 text-xs"
          label={t('produce.nullKey')}
          checked={nullKey}
          onChange={(e) => setNullKey(e.target.checked)}
        />
        <Checkbox
          className="pb-1 text-xs"
          label={t('produce.json')}
          checked={json}
          onChange={(e) => setJson(e.target.checked)}
        />
        <TextField
          label={t('produce.valueSchema')}
          help={t('produce.valueSchemaHelp')}
          inputClassName="sm:w-64 font-mono"
          placeholder={`${topic}-value`}
          value={valueSubject}
          onChange={(e) => setValueSubject(e.target.value)}
        />
        <Checkbox
          className="pb-1 text-xs"
          label={t('produce.tombstone')}
          checked={tombstone}
          onChange={(e) => setTombstone(e.target.checked)}
        />
      </Toolbar>
      <TextArea
        label={t('messages.value')}
        inputClassName="h-24"
        value={value}
        disabled={tombstone}
        onChange={(e) => setValue(e.target.value)}
      />
      {headers.map((h, i) => (
        <div key={i} className="flex flex-wrap gap-2">
          <input
            aria-label={t('produce.headerName', { n: i + 1 })}
            className={`${inputClass} font-mono`}
            value={h.key}
            onChange={(e) => setHeader(i, { key: e.target.value })}
          />
          <input
            aria-label={t('produce.headerValue', { n: i + 1 })}
            className={`${inputClass} flex-1 font-mono`}
            value={h.value}
            onChange={(e) => setHeader(i, { value: e.target.value })}
          />
          <Button variant="ghost" size="sm" onClick={() => setHeaders(headers.filter((_, j) => j !== i))}>
            {t('produce.removeHeader')}
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={() => setHeaders([...headers, { key: '', value: '' }])}>
          {t('produce.addHeader')}
        </Button>
        <Button type="submit" variant="primary" busy={produce.isPending}>
          {t('topic.produce')}
        </Button>
        {produce.data && (
          <p role="status" className="text-sm text-ok">
            {t('produce.written', {
              partition: produce.data.partition,
              offset: formatNumber(produce.data.offset),
            })}
          </p>
        )}
      </div>
      <ErrorBanner error={produce.error} />
    </form>
  );
}
