import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Acl, AclPatternType } from '@tributary/contract';
import { useAclWizard, type WizardInput, type WizardKind } from '../../api/security.ts';
import { ErrorBanner, Notice } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Checkbox, Select, TextField } from '../ui/Field.tsx';
import { Card } from '../ui/Page.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { AclLines } from './AclTable.tsx';

interface Fields {
  principal: string;
  topic: string;
  topicPatternType: AclPatternType;
  group: string;
  groupPatternType: AclPatternType;
  transactionalId: string;
  idempotent: boolean;
  applicationId: string;
  inputTopics: string;
  outputTopics: string;
}

const EMPTY: Fields = {
  principal: 'User:',
  topic: '',
  topicPatternType: 'LITERAL',
  group: '',
  groupPatternType: 'LITERAL',
  transactionalId: '',
  idempotent: false,
  applicationId: '',
  inputTopics: '',
  outputTopics: '',
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function bodyOf(kind: WizardKind, f: Fields, dryRun: boolean): WizardInput {
  if (kind === 'consumer')
    return {
      principal: f.principal,
      topic: f.topic,
      topicPatternType: f.topicPatternType,
      group: f.group,
      groupPatternType: f.groupPatternType,
      dryRun,
    };
  if (kind === 'producer')
    return {
      principal: f.principal,
      topic: f.topic,
      topicPatternType: f.topicPatternType,
      ...(f.transactionalId ? { transactionalId: f.transactionalId } : {}),
      idempotent: f.idempotent,
      dryRun,
    };
  return {
    principal: f.principal,
    applicationId: f.applicationId,
    inputTopics: list(f.inputTopics),
    outputTopics: list(f.outputTopics),
    dryRun,
  };
}

/**
 * The consumer / producer / Streams app wizards: the person fills in who and what, sees the exact bindings
 * (the server's dry run), then creates them.
 */
export function AclWizard({ cluster, onDone }: { cluster: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WizardKind>('consumer');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [preview, setPreview] = useState<Acl[]>();
  const [created, setCreated] = useState<number>();
  const wizard = useAclWizard(cluster);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setPreview(undefined); // what is shown is always what would be created
    setCreated(undefined);
  };
  const showPreview = (e: FormEvent) => {
    e.preventDefault();
    wizard.mutate({ kind, body: bodyOf(kind, fields, true) }, { onSuccess: (c) => setPreview(c.acls) });
  };
  const create = () =>
    wizard.mutate(
      { kind, body: bodyOf(kind, fields, false) },
      {
        onSuccess: (c) => {
          setCreated(c.acls.length);
          setPreview(undefined);
        },
      },
    );
  const pattern = (key: 'topicPatternType' | 'groupPatternType', label: string) => (
    <Select label={label} value={fields[key]} onChange={(e) => set(key, e.target.value as AclPatternType)}>
      <option value="LITERAL">{t('security.literal')}</option>
      <option value="PREFIXED">{t('security.prefixed')}</option>
    </Select>
  );

  return (
    <Card as="section" aria-label={t('security.wizard')} className="mb-4">
      <Tabs
        label={t('security.wizardKind')}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setPreview(undefined);
          setCreated(undefined);
        }}
        tabs={(['consumer', 'producer', 'streams'] as const).map((k) => ({
          value: k,
          label: t(`security.wizards.${k}`),
        }))}
      />
      <p className="mb-2 text-sm text-muted">{t(`security.wizardHelp.${kind}`)}</p>
      <form onSubmit={showPreview} className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('security.principal')}
          help={t('security.principalHelp')}
          value={fields.principal}
          required
          onChange={(e) => set('principal', e.target.value)}
        />
        {kind !== 'streams' && (
          <>
            <TextField
              label={t('security.topic')}
              value={fields.topic}
              required
              onChange={(e) => set('topic', e.target.value)}
            />
            {pattern('topicPatternType', t('security.topicPattern'))}
          </>
        )}
        {kind === 'consumer' && (
          <>
            <TextField
              label={t('security.group')}
              value={fields.group}
              required
              onChange={(e) => set('group', e.target.value)}
            />
            {pattern('groupPatternType', t('security.groupPattern'))}
          </>
        )}
        {kind === 'producer' && (
          <>
            <TextField
              label={t('security.transactionalId')}
              value={fields.transactionalId}
              onChange={(e) => set('transactionalId', e.target.value)}
            />
            <Checkbox
              label={t('security.idempotent')}
              checked={fields.idempotent}
              onChange={(e) => set('idempotent', e.target.checked)}
            />
          </>
        )}
        {kind === 'streams' && (
          <>
            <TextField
              label={t('security.applicationId')}
              value={fields.applicationId}
              required
              onChange={(e) => set('applicationId', e.target.value)}
            />
            <TextField
              label={t('security.inputTopics')}
              help={t('security.commaSeparated')}
              value={fields.inputTopics}
              required
              onChange={(e) => set('inputTopics', e.target.value)}
            />
            <TextField
              label={t('security.outputTopics')}
              help={t('security.commaSeparated')}
              value={fields.outputTopics}
              onChange={(e) => set('outputTopics', e.target.value)}
            />
          </>
        )}
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" busy={wizard.isPending && !preview}>
            {t('security.preview')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
      <ErrorBanner error={wizard.error} />
      {preview && (
        <div role="region" aria-label={t('security.previewTitle')} className="mt-3">
          <p className="text-sm font-medium">{t('security.previewTitle')}</p>
          <AclLines acls={preview} />
          <Button variant="primary" busy={wizard.isPending} onClick={create}>
            {t('security.createAcls', { count: preview.length })}
          </Button>
        </div>
      )}
      {created !== undefined && (
        <Notice tone="ok" role="status">
          {t('security.created', { count: created })}
        </Notice>
      )}
    </Card>
  );
}
