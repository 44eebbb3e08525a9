import { useTranslation } from 'react-i18next';
import { Select } from '../ui/Field.tsx';

/** A partition chooser for producing: automatic (by key, like the Java client) or one of the topic's partitions. */
export function PartitionSelect({
  count,
  value,
  onChange,
}: {
  count: number;
  value: number | undefined;
  onChange: (partition: number | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('produce.partition')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    >
      <option value="">{t('produce.automatic')}</option>
      {Array.from({ length: count }, (_, p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </Select>
  );
}
