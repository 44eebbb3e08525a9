import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ProduceSummary, UploadQuery } from '@tributary/contract';
import { CSV_COLUMN_TYPES, inferColumnType, type CsvColumnType } from '@tributary/contract/csv';
import { uploadFile } from '../../api/messages.ts';
import { topicKeys } from '../../api/topics.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Checkbox, Select, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Toolbar } from '../ui/Page.tsx';
import { Progress } from '../ui/Progress.tsx';
import { useToast } from '../ui/Toast.tsx';
import { PartitionSelect } from './PartitionSelect.tsx';
import type { ProduceTarget } from './ProducePanel.tsx';
import { ValueSchemaField } from './ValueSchemaField.tsx';

/** One CSV line's fields (quotes honoured; enough to guess types from a sample). */
function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

/**
 * The header row of a CSV file and a type per column guessed from the rows in its first 64 KiB, with the
 * delimiter the server will guess too.
 */
async function csvHeader(
  file: File,
): Promise<{ columns: string[]; delimiter: string; types: Record<string, CsvColumnType> }> {
  const lines = (await file.slice(0, 64 * 1024).text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = (lines[0] ?? '').trim();
  const candidates = [',', ';', '\t', '|'];
  const counts = candidates.map((d) => first.split(d).length);
  const delimiter = candidates[counts.indexOf(Math.max(...counts))] ?? ',';
  const columns = splitLine(first, delimiter).map((c) => c.trim());
  // The last line of the slice may be cut in the middle: leave it out.
  const rows = lines.slice(1, -1).map((line) => splitLine(line, delimiter));
  const types = Object.fromEntries(
    columns.map((c, i) => [c, inferColumnType(rows.map((r) => r[i] ?? ''))] as const),
  );
  return { columns, delimiter, types };
}

/** A CSV or JSON Lines file streamed to the server, with progress, Stop, and the table refreshed after. */
export function FileProduce({ cluster, topic, partitionCount }: ProduceTarget) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toast = useToast();
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [columns, setColumns] = useState<string[]>([]);
  const [keyColumn, setKeyColumn] = useState('');
  const [valueColumns, setValueColumns] = useState<string[]>([]);
  const [valueMode, setValueMode] = useState<'object' | 'single'>('object');
  const [types, setTypes] = useState<Record<string, CsvColumnType>>({});
  const [keyField, setKeyField] = useState('');
  const [partition, setPartition] = useState<number | undefined>();
  const [valueSubject, setValueSubject] = useState('');
  const [progress, setProgress] = useState<{ sent: number; total: number; ratePerSec: number } | undefined>();
  const [summary, setSummary] = useState<ProduceSummary | undefined>();
  const [error, setError] = useState<unknown>();
  const [stopped, setStopped] = useState(false);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setSummary(undefined);
    setProgress(undefined);
    if (!chosen) return;
    const isCsv = !/\.(jsonl|ndjson|json)$/i.test(chosen.name);
    setFormat(isCsv ? 'csv' : 'jsonl');
    if (isCsv) {
      const header = await csvHeader(chosen);
      setColumns(header.columns);
      setTypes(header.types);
      setValueColumns(header.columns);
      setKeyColumn('');
    }
  };

  // Only the columns that are not text: the server keeps the others as strings.
  const typedColumns = valueColumns
    .filter((c) => (types[c] ?? 'string') !== 'string')
    .map((c) => `${c}:${types[c]}`)
    .join(',');

  const send = () => {
    if (!file) return;
    const query: UploadQuery = {
      format,
      ...(partition !== undefined ? { partition } : {}),
      ...(valueSubject.trim() ? { valueSubject: valueSubject.trim() } : {}),
      ...(format === 'csv'
        ? {
            ...(keyColumn ? { keyColumn } : {}),
            valueColumns: valueColumns.join(','),
            valueMode,
            ...(valueMode === 'object' && typedColumns ? { columnTypes: typedColumns } : {}),
          }
        : keyField
          ? { keyField }
          : {}),
    };
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(undefined);
    setStopped(false);
    setSummary(undefined);
    uploadFile(cluster, topic, file, query, setProgress, controller.signal)
      .then(
        (s) => {
          setSummary(s);
          toast(
            t('produce.wroteToast', {
              written: formatNumber(s.written),
              total: formatNumber(s.total),
              topic,
            }),
            s.error ? 'danger' : 'ok',
          );
        },
        (e: unknown) => (controller.signal.aborted ? setStopped(true) : setError(e)),
      )
      // Whatever was written, the table and the counts show it now.
      .finally(() => {
        setRunning(false);
        void client.invalidateQueries({ queryKey: topicKeys.detail(cluster, topic) });
      });
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <div className="space-y-3">
      <Toolbar>
        <TextField
          label={t('produce.fileLabel')}
          type="file"
          accept=".csv,.txt,.jsonl,.ndjson,.json"
          inputClassName="border-0 bg-transparent px-0 file:mr-3 file:cursor-pointer file:rounded file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg hover:file:bg-surface-2"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Select
          label={t('produce.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv' | 'jsonl')}
        >
          <option value="csv">CSV</option>
          <option value="jsonl">JSON Lines</option>
        </Select>
        <PartitionSelect count={partitionCount} value={partition} onChange={setPartition} />
        <ValueSchemaField topic={topic} value={valueSubject} onChange={setValueSubject} />
      </Toolbar>
      {format === 'csv' && columns.length > 0 && (
        <div className="flex flex-wrap items-start gap-4">
          <Select
            label={t('produce.keyColumn')}
            value={keyColumn}
            onChange={(e) => setKeyColumn(e.target.value)}
          >
            <option value="">{t('produce.noKey')}</option>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
          <fieldset className="text-xs text-muted">
            <legend className="font-medium">{t('produce.valueColumns')}</legend>
            <div className="flex max-w-xl flex-wrap gap-x-3">
              {columns.map((c) => (
                <Checkbox
                  key={c}
                  className="text-xs"
                  label={c}
                  checked={valueColumns.includes(c)}
                  onChange={(e) =>
                    setValueColumns(
                      e.target.checked
                        ? columns.filter((x) => x === c || valueColumns.includes(x))
                        : valueColumns.filter((x) => x !== c),
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="flex flex-col text-xs text-muted">
            <legend className="font-medium">{t('produce.valueAs')}</legend>
            <Checkbox
              type="radio"
              name="valueMode"
              className="text-xs"
              label={t('produce.asObject')}
              checked={valueMode === 'object'}
              onChange={() => setValueMode('object')}
            />
            <Checkbox
              type="radio"
              name="valueMode"
              className="text-xs"
              label={t('produce.asSingle')}
              checked={valueMode === 'single'}
              onChange={() => setValueMode('single')}
            />
          </fieldset>
        </div>
      )}
      {format === 'csv' && valueMode === 'object' && valueColumns.length > 0 && (
        <fieldset className="text-xs text-muted">
          <legend className="font-medium">{t('produce.columnTypes')}</legend>
          <p className="mb-1">{t('produce.typesGuessed')}</p>
          <div className="flex max-w-3xl flex-wrap gap-x-3 gap-y-1">
            {valueColumns.map((c) => (
              <Select
                key={c}
                label={t('produce.typeOf', { column: c })}
                value={types[c] ?? 'string'}
                onChange={(e) => setTypes((all) => ({ ...all, [c]: e.target.value as CsvColumnType }))}
              >
                {CSV_COLUMN_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`produce.typeNames.${type}`)}
                  </option>
                ))}
              </Select>
            ))}
          </div>
        </fieldset>
      )}
      {format === 'jsonl' && (
        <TextField
          label={t('produce.keyField')}
          inputClassName="w-48 font-mono"
          value={keyField}
          onChange={(e) => setKeyField(e.target.value)}
        />
      )}
      <div className="flex items-center gap-3">
        <Button variant="primary" disabled={!file} busy={running} onClick={send}>
          {t('produce.sendFile')}
        </Button>
        {running && (
          <Button variant="danger-outline" onClick={() => abort.current?.abort()}>
            {t('produce.stop')}
          </Button>
        )}
      </div>
      {progress && (
        <div className="flex flex-wrap items-center gap-3">
          <Progress label={t('produce.uploadProgress')} percent={percent} />
          <span className="text-xs text-muted">
            {percent}% · {formatNumber(progress.sent)} / {formatNumber(progress.total)} ·{' '}
            {formatNumber(progress.ratePerSec)} msg/s
          </span>
        </div>
      )}
      {summary && (
        <p role="status" className={summary.error ? 'text-sm text-danger' : 'text-sm text-ok'}>
          {t('produce.wrote', { written: formatNumber(summary.written), total: formatNumber(summary.total) })}
          {summary.error
            ? t('produce.stoppedAt', { line: summary.error.line, message: summary.error.message })
            : '.'}
        </p>
      )}
      {stopped && (
        <p role="status" className="text-sm text-warn">
          {t('produce.stopped', {
            sent: formatNumber(progress?.sent ?? 0),
            total: formatNumber(progress?.total ?? 0),
          })}
        </p>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
