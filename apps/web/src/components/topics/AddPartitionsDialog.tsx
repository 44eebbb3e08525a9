import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { TextField } from '../ui/Field.tsx';

/** Asks for the new total; says what growing a topic does to keyed messages. */
export function AddPartitionsDialog(props: {
  topic: string;
  current: number;
  pending: boolean;
  error: unknown;
  onConfirm: (count: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [count, setCount] = useState(String(props.current + 1));
  const n = Number(count);
  const added = Number.isInteger(n) ? n - props.current : 0;
  return (
    <ConfirmDialog
      title={t('addPartitions.title', { topic: props.topic })}
      confirmLabel={added > 0 ? t('addPartitions.confirm', { count: added }) : t('addPartitions.button')}
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm(n)}
    >
      <TextField
        label={t('addPartitions.count', { current: props.current })}
        type="number"
        min={props.current + 1}
        value={count}
        onChange={(e) => setCount(e.target.value)}
        inputClassName="w-32"
      />
      <p>
        {added > 0
          ? t('addPartitions.adds', { count: added, from: props.current, to: n })
          : t('addPartitions.onlyGrow')}{' '}
        {t('addPartitions.warning')}
      </p>
    </ConfirmDialog>
  );
}
