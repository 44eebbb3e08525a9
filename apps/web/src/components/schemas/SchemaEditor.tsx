import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterSchemaBody, SchemaType } from '@tributary/contract';
import { useCheckSchema, useRegisterSchema } from '../../api/schemas.ts';
import { ErrorBanner, Notice } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { TextArea } from '../ui/Field.tsx';

/**
 * A schema to register as the subject's next version: "Check compatibility" asks the registry without
 * registering; "Register" registers (an incompatible schema is refused with the registry's reason).
 */
export function SchemaEditor({
  cluster,
  subject,
  type,
  initial,
  onRegistered,
}: {
  cluster: string;
  subject: string;
  type: SchemaType;
  initial: string;
  onRegistered: (version: number) => void;
}) {
  const { t } = useTranslation();
  const [schema, setSchema] = useState(initial);
  const check = useCheckSchema(cluster);
  const register = useRegisterSchema(cluster);
  const body: RegisterSchemaBody = { schema, schemaType: type };
  const blocked = subject.trim() === '' || schema.trim() === '';
  return (
    <div>
      <TextArea
        label={t('schemas.schema')}
        value={schema}
        rows={14}
        spellCheck={false}
        onChange={(e) => {
          setSchema(e.target.value);
          check.reset();
          register.reset();
        }}
      />
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          disabled={blocked}
          busy={check.isPending}
          busyLabel={t('common.working')}
          onClick={() => check.mutate({ subject, body })}
        >
          {t('schemas.check')}
        </Button>
        <Button
          variant="primary"
          disabled={blocked}
          busy={register.isPending}
          busyLabel={t('common.working')}
          onClick={() =>
            register.mutate({ subject, body }, { onSuccess: (answer) => onRegistered(answer.version) })
          }
        >
          {t('schemas.register')}
        </Button>
      </div>
      {check.data &&
        (check.data.compatible ? (
          <Notice tone="ok" role="status">
            {t('schemas.compatible')}
          </Notice>
        ) : (
          <Notice tone="danger" role="status">
            {t('schemas.incompatible')} {check.data.messages.join(' ')}
          </Notice>
        ))}
      <ErrorBanner error={check.error ?? register.error} />
    </div>
  );
}
