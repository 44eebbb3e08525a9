import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLONE_MAX_MESSAGES, type CloneTopicBody } from '@tributary/contract';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Checkbox, TextField } from '../ui/Field.tsx';

/** A new name, and optionally how many of the newest messages to copy. */
export function CloneDialog(props: {
  topic: string;
  pending: boolean;
  error: unknown;
  onConfirm: (body: CloneTopicBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(`${props.topic}-copy`);
  const [copy, setCopy] = useState(false);
  const [count, setCount] = useState('100');
  const n = Number(count);
  const countBad = copy && !(Number.isInteger(n) && n >= 1 && n <= CLONE_MAX_MESSAGES);
  return (
    <ConfirmDialog
      title={t('clone.title', { topic: props.topic })}
      confirmLabel={t('clone.confirm')}
      confirmDisabled={!name.trim() || countBad}
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm({ name: name.trim(), ...(copy ? { copyMessages: n } : {}) })}
    >
      <p>{t('clone.text')}</p>
      <TextField
        label={t('clone.name')}
        value={name}
        inputClassName="w-full font-mono"
        onChange={(e) => setName(e.target.value)}
      />
      <Checkbox label={t('clone.copy')} checked={copy} onChange={(e) => setCopy(e.target.checked)} />
      {copy && (
        <TextField
          label={t('clone.count')}
          help={t('clone.countHelp', { max: CLONE_MAX_MESSAGES.toLocaleString() })}
          type="number"
          min={1}
          max={CLONE_MAX_MESSAGES}
          value={count}
          error={countBad ? t('clone.countBad', { max: CLONE_MAX_MESSAGES.toLocaleString() }) : null}
          inputClassName="w-32"
          onChange={(e) => setCount(e.target.value)}
        />
      )}
    </ConfirmDialog>
  );
}
