import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';
import { TextField } from './Field.tsx';

/** Asks before something irreversible, and shows the server's answer if it fails. */
export function ConfirmDialog(props: {
  title: string;
  /** What will happen, in words: "Deletes topic orders and all its 1,204 messages." */
  children: ReactNode;
  /** The confirm button names the action ("Delete topic"), never just "OK". */
  confirmLabel: string;
  /** When set, the person types this (e.g. the topic name) before the button is enabled. */
  typeToConfirm?: string;
  danger?: boolean;
  /** Keeps the confirm button disabled, e.g. while nothing is chosen yet. */
  confirmDisabled?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const blocked =
    props.pending ||
    props.confirmDisabled ||
    (props.typeToConfirm !== undefined && typed !== props.typeToConfirm);
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      onSubmit={() => !blocked && props.onConfirm()}
      initialFocus={props.typeToConfirm !== undefined ? 'input' : 'button[data-cancel]'}
      footer={
        <>
          <Button data-cancel onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant={props.danger ? 'danger' : 'primary'}
            disabled={blocked}
            busy={props.pending}
            busyLabel={t('common.working')}
          >
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      {props.children}
      {props.typeToConfirm !== undefined && (
        <TextField
          className="mt-3"
          label={<>{t('confirm.type', { text: props.typeToConfirm })}</>}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          inputClassName="font-mono"
          autoComplete="off"
        />
      )}
      <ErrorBanner error={props.error} />
    </Dialog>
  );
}
