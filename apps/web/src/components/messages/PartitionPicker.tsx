import { useTranslation } from 'react-i18next';
import { Checkbox, inputClass } from '../ui/Field.tsx';

/** "All partitions" or a chosen few, from the topic's partitions. */
export function PartitionPicker({
  count,
  value,
  onChange,
}: {
  count: number;
  value: number[] | null;
  onChange: (partitions: number[] | null) => void;
}) {
  const { t } = useTranslation();
  const all = Array.from({ length: count }, (_, i) => i);
  const summary =
    value === null ? t('partitions.all') : value.length === 0 ? t('partitions.none') : value.join(', ');
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none flex-col gap-0.5">
        <span className="text-xs font-medium text-muted">{t('common.partitionsTitle')}</span>
        <span className={`${inputClass} min-w-20`}>{summary} ▾</span>
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-64 w-44 overflow-auto rounded border border-line-strong bg-surface p-2 shadow">
        <legend className="sr-only">{t('common.partitionsTitle')}</legend>
        <Checkbox
          className="flex"
          label={t('partitions.allLong')}
          checked={value === null}
          onChange={(e) => onChange(e.target.checked ? null : [])}
        />
        {all.map((p) => (
          <Checkbox
            key={p}
            className="flex"
            label={p}
            aria-label={t('partitions.one', { p })}
            checked={value === null || value.includes(p)}
            onChange={(e) => {
              const current = value ?? all;
              const next = e.target.checked
                ? [...current, p].sort((a, b) => a - b)
                : current.filter((x) => x !== p);
              onChange(next.length === count ? null : next);
            }}
          />
        ))}
      </fieldset>
    </details>
  );
}
