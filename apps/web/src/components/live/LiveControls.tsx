import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveFilter, LiveFrom } from '@tributary/contract';
import type { LiveStatus } from '../../api/live.ts';
import { Button } from '../ui/Button.tsx';
import { Checkbox, Select, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Card, Toolbar } from '../ui/Page.tsx';
import { FilterSyntax } from '../messages/BrowseControls.tsx';
import { PartitionPicker } from '../messages/PartitionPicker.tsx';

export const BUFFER_SIZES = [100, 500, 1000, 5000] as const;

/** Start/pause, where to start, partitions, filter and how many rows the tab keeps. */
export function LiveControls({
  status,
  partitionCount,
  partitions,
  filter,
  bufferSize,
  onStart,
  onPause,
  onResume,
  onPartitions,
  onFilter,
  onBufferSize,
  onClear,
}: {
  status: LiveStatus;
  partitionCount: number;
  partitions: number[] | null;
  /** The filter the address holds (the boxes start from it). */
  filter: LiveFilter;
  bufferSize: number;
  onStart: (from: LiveFrom) => void;
  onPause: () => void;
  onResume: () => void;
  onPartitions: (partitions: number[] | null) => void;
  onFilter: (filter: LiveFilter) => void;
  onBufferSize: (size: number) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [fromMode, setFromMode] = useState<'now' | 'last'>('now');
  const [lastN, setLastN] = useState(100);
  const [q, setQ] = useState(filter.q ?? '');
  const [caseSensitive, setCaseSensitive] = useState(filter.caseSensitive ?? false);
  const [expression, setExpression] = useState(filter.filter ?? '');
  const from: LiveFrom = fromMode === 'now' ? { mode: 'now' } : { mode: 'last', count: Math.max(1, lastN) };
  const running =
    status === 'live' || status === 'paused' || status === 'connecting' || status === 'reconnecting';

  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    onFilter({ q, caseSensitive, filter: expression });
  };

  return (
    <Card className="mb-3 space-y-3">
      <Toolbar>
        {!running && (
          <Button variant="primary" onClick={() => onStart(from)}>
            {t('live.start')}
          </Button>
        )}
        {status === 'live' && <Button onClick={onPause}>{t('live.pause')}</Button>}
        {status === 'paused' && (
          <Button variant="primary" onClick={onResume}>
            {t('live.resume')}
          </Button>
        )}
        <Select
          label={t('live.from')}
          value={fromMode}
          onChange={(e) => setFromMode(e.target.value as 'now' | 'last')}
        >
          <option value="now">{t('live.fromNow')}</option>
          <option value="last">{t('live.fromLast')}</option>
        </Select>
        {fromMode === 'last' && (
          <TextField
            label={t('search.perPartition')}
            type="number"
            min={1}
            max={10000}
            inputClassName="w-24"
            value={lastN}
            onChange={(e) => setLastN(Number(e.target.value))}
          />
        )}
        {running && <Button onClick={() => onStart(from)}>{t('live.restart')}</Button>}
        {partitionCount > 0 && (
          <PartitionPicker count={partitionCount} value={partitions} onChange={onPartitions} />
        )}
        <Select
          label={t('live.rowsKept')}
          value={bufferSize}
          onChange={(e) => onBufferSize(Number(e.target.value))}
        >
          {BUFFER_SIZES.map((n) => (
            <option key={n} value={n}>
              {formatNumber(n)}
            </option>
          ))}
        </Select>
        <Button onClick={onClear}>{t('live.clear')}</Button>
      </Toolbar>
      <form onSubmit={applyFilter} aria-label={t('live.filterForm')}>
        <Toolbar>
          <TextField
            label={t('live.contains')}
            inputClassName="sm:w-48"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('live.containsPlaceholder')}
          />
          <Checkbox
            className="pb-1 text-xs"
            label={t('browse.caseSensitive')}
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />
          <TextField
            className="min-w-0 flex-1"
            label={t('browse.filter')}
            inputClassName="font-mono"
            value={expression}
            onChange={(e) => setExpression(e.target.value)}
            placeholder='value.user.age > 30 && headers.source == "kcat"'
          />
          <FilterSyntax />
          <Button type="submit">{t('live.applyFilter')}</Button>
        </Toolbar>
      </form>
    </Card>
  );
}
