import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/Field.tsx';

/** The registry subject whose latest version encodes every value of a bulk produce (lines or a file). */
export function ValueSchemaField({
  topic,
  value,
  onChange,
}: {
  topic: string;
  value: string;
  onChange: (subject: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('produce.valueSchema')}
      help={t('produce.valueSchemaBulkHelp')}
      inputClassName="sm:w-64 font-mono"
      placeholder={`${topic}-value`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
