import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProduceLines } from '../../api/messages.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { TextArea, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Toolbar } from '../ui/Page.tsx';
import { PartitionSelect } from './PartitionSelect.tsx';
import type { ProduceTarget } from './ProducePanel.tsx';
import { ValueSchemaField } from './ValueSchemaField.tsx';

/** Many messages pasted as lines (`key:value` with a separator); the server validates every line first. */
export function LinesProduce({ cluster, topic, partitionCount }: ProduceTarget) {
  const { t } = useTranslation();
  const produce = useProduceLines(cluster, topic);
  const [lines, setLines] = useState('');
  const [separator, setSeparator] = useState(':');
  const [partition, setPartition] = useState<number | undefined>();
  const [valueSubject, setValueSubject] = useState('');
  const result = produce.data;
  return (
    <form
      aria-label={t('produce.linesForm')}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        produce.mutate(
          {
            lines,
            ...(separator ? { separator } : {}),
            ...(partition !== undefined ? { partition } : {}),
            ...(valueSubject.trim() ? { valueSchema: { subject: valueSubject.trim() } } : {}),
          },
          {
            // What Kafka took must not be sent twice: written lines leave the box, the rest stay for a retry.
            onSuccess: (r) => {
              if (r.written > 0) setLines(remainingLines(lines, r.written));
            },
          },
        );
      }}
    >
      <Toolbar>
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
        <TextField
          label={t('produce.separator')}
          inputClassName="w-24 font-mono"
          value={separator}
          onChange={(e) => setSeparator(e.target.value)}
        />
        <ValueSchemaField topic={topic} value={valueSubject} onChange={setValueSubject} />
      </Toolbar>
      <TextArea
        label={t('produce.linesLabel', { shape: separator ? `key${separator}value` : 'value' })}
        inputClassName="h-32"
        value={lines}
        onChange={(e) => setLines(e.target.value)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={!lines.trim()} busy={produce.isPending}>
          {t('produce.linesButton')}
        </Button>
        {result && (
          <p role="status" className={result.error ? 'text-sm text-danger' : 'text-sm text-ok'}>
            {t('produce.wrote', { written: formatNumber(result.written), total: formatNumber(result.total) })}
            {result.error
              ? t('produce.stoppedAt', { line: result.error.line, message: result.error.message })
              : '.'}
          </p>
        )}
      </div>
      <ErrorBanner error={produce.error} />
    </form>
  );
}

/** The text without its first `written` non-empty lines (the ones the server sent, in order). */
export function remainingLines(text: string, written: number): string {
  const all = text.split('\n');
  let seen = 0;
  let cut = 0;
  while (cut < all.length && seen < written) {
    if (all[cut]!.trim() !== '') seen++;
    cut++;
  }
  return all.slice(cut).join('\n');
}
