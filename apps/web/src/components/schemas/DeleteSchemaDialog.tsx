import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteSchema } from '../../api/schemas.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Checkbox, Select } from '../ui/Field.tsx';

/**
 * Deletes a subject or one of its versions. A soft delete keeps the schema ids readable; a permanent one
 * (soft, then hard, as the registry requires) asks a second time, with the subject's name typed.
 */
export function DeleteSchemaDialog(props: {
  cluster: string;
  subject: string;
  versions: number[];
  onDeleted: (what: { version?: number; permanent: boolean; subjectGone: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { subject, versions } = props;
  const remove = useDeleteSchema(props.cluster);
  const [target, setTarget] = useState('subject');
  const [permanent, setPermanent] = useState(false);
  const [sure, setSure] = useState(false);
  const version = target === 'subject' ? undefined : Number(target);
  const what =
    version === undefined ? t('schemas.deleteWhole', { subject }) : t('schemas.deleteVersion', { version });
  const run = () =>
    remove.mutate(
      { subject, ...(version !== undefined ? { version } : {}), permanent },
      {
        onSuccess: () =>
          props.onDeleted({
            ...(version !== undefined ? { version } : {}),
            permanent,
            subjectGone: version === undefined || versions.length === 1,
          }),
      },
    );
  if (sure)
    return (
      <ConfirmDialog
        title={t('schemas.permanentTitle', { what })}
        confirmLabel={t('schemas.deletePermanently')}
        typeToConfirm={subject}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={props.onCancel}
        onConfirm={run}
      >
        {t('schemas.permanentText')}
      </ConfirmDialog>
    );
  return (
    <ConfirmDialog
      title={t('schemas.deleteTitle', { subject })}
      confirmLabel={permanent ? t('schemas.deletePermanentlyNext') : t('schemas.deleteSoft')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onCancel={props.onCancel}
      onConfirm={() => (permanent ? setSure(true) : run())}
    >
      <Select label={t('schemas.deleteWhat')} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="subject">{t('schemas.deleteWhole', { subject })}</option>
        {versions.map((v) => (
          <option key={v} value={v}>
            {t('schemas.deleteVersion', { version: v })}
          </option>
        ))}
      </Select>
      <p className="my-2 text-sm">{t('schemas.deleteText')}</p>
      <Checkbox
        label={t('schemas.permanently')}
        checked={permanent}
        onChange={(e) => setPermanent(e.target.checked)}
      />
    </ConfirmDialog>
  );
}
