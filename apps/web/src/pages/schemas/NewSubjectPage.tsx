import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { SchemaType } from '@tributary/contract';
import { SchemaEditor } from '../../components/schemas/SchemaEditor.tsx';
import { Select, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/Page.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { subjectHref } from './SchemasPage.tsx';

const EXAMPLES: Record<SchemaType, string> = {
  AVRO: JSON.stringify(
    { type: 'record', name: 'Example', fields: [{ name: 'id', type: 'string' }] },
    null,
    2,
  ),
  JSON: JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } }, null, 2),
  PROTOBUF: 'syntax = "proto3";\n\nmessage Example {\n  string id = 1;\n}\n',
};

/** A new subject: its name (`<topic>-value` for a topic's values), its kind of schema, the first version. */
export function NewSubjectPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [subject, setSubject] = useState('');
  const [type, setType] = useState<SchemaType>('AVRO');
  return (
    <section>
      <PageHeader title={t('schemas.create')} />
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <TextField
          label={t('schemas.subject')}
          help={t('schemas.subjectHelp')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          inputClassName="font-mono"
        />
        <Select
          label={t('schemas.type')}
          value={type}
          onChange={(e) => setType(e.target.value as SchemaType)}
        >
          <option value="AVRO">Avro</option>
          <option value="JSON">JSON Schema</option>
          <option value="PROTOBUF">Protobuf</option>
        </Select>
      </div>
      <SchemaEditor
        key={type}
        cluster={cluster}
        subject={subject.trim()}
        type={type}
        initial={EXAMPLES[type]}
        onRegistered={(version) => {
          toast(t('schemas.registered', { subject: subject.trim(), version }));
          navigate(subjectHref(cluster, subject.trim()));
        }}
      />
    </section>
  );
}
