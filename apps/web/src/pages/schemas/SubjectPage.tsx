import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { CompatibilityLevel } from '@tributary/contract';
import { useQueryClient } from '@tanstack/react-query';
import { schemaKeys, useSchemaVersion, useSetCompatibility, useSubject } from '../../api/schemas.ts';
import { DeleteSchemaDialog } from '../../components/schemas/DeleteSchemaDialog.tsx';
import { SchemaDiff } from '../../components/schemas/SchemaDiff.tsx';
import { SchemaEditor } from '../../components/schemas/SchemaEditor.tsx';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/Page.tsx';
import { useToast } from '../../components/ui/Toast.tsx';

export const LEVELS: CompatibilityLevel[] = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
];

/** One subject: two versions side by side with their differences, its compatibility level, a new version, delete. */
export function SubjectPage() {
  const { t } = useTranslation();
  const { cluster = '', subject = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { data, error, isLoading } = useSubject(cluster, subject);
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [level, setLevel] = useState<CompatibilityLevel | ''>('');
  const [deleting, setDeleting] = useState(false);
  const setCompatibility = useSetCompatibility(cluster);
  const latest = data?.latest;
  const versions = data?.versions ?? [];
  const compareWith =
    left || String(versions.length > 1 ? versions[versions.length - 2] : (latest?.version ?? ''));
  const compareTo = right || String(latest?.version ?? '');
  const older = useSchemaVersion(cluster, subject, latest ? compareWith : '');
  const newer = useSchemaVersion(cluster, subject, latest ? compareTo : '');
  if (isLoading) return <p className="text-muted">{t('common.loading')}</p>;
  if (error || !data || !latest)
    return (
      <section>
        <PageHeader title={subject} />
        <ErrorBanner error={error} />
      </section>
    );
  return (
    <section>
      <PageHeader
        title={subject}
        subtitle={t('schemas.latest', { version: latest.version, id: latest.id })}
        badges={
          <>
            <Badge>{latest.type}</Badge>
            {data.compatibility && <Badge tone="info">{data.compatibility}</Badge>}
          </>
        }
        actions={
          <Button variant="danger-outline" onClick={() => setDeleting(true)}>
            {t('schemas.delete')}
          </Button>
        }
      />
      <Section title={t('schemas.versions')}>
        <div className="mb-2 flex flex-wrap gap-3">
          {(
            [
              ['schemas.compareWith', compareWith, setLeft],
              ['schemas.compareTo', compareTo, setRight],
            ] as const
          ).map(([label, value, set]) => (
            <Select
              key={label}
              label={t(label)}
              value={value}
              onChange={(e) => set(e.target.value)}
              className="max-w-xs"
            >
              {versions.map((v) => (
                <option key={v} value={v}>
                  {t('schemas.version', { version: v })}
                </option>
              ))}
            </Select>
          ))}
        </div>
        <SchemaDiff
          left={older.data?.schema ?? ''}
          right={newer.data?.schema ?? ''}
          leftLabel={t('schemas.olderSchema', { version: compareWith })}
          rightLabel={t('schemas.newerSchema', { version: compareTo })}
        />
      </Section>
      <Section title={t('schemas.compatibility')}>
        <div className="flex flex-wrap items-end gap-2">
          <Select
            label={t('schemas.level')}
            value={level || data.compatibility || ''}
            onChange={(e) => setLevel(e.target.value as CompatibilityLevel)}
          >
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </Select>
          <Button
            disabled={!level}
            busy={setCompatibility.isPending}
            busyLabel={t('common.working')}
            onClick={() =>
              level &&
              setCompatibility.mutate(
                { subject, compatibility: level },
                { onSuccess: () => toast(t('schemas.levelSaved', { level })) },
              )
            }
          >
            {t('common.save')}
          </Button>
        </div>
        <ErrorBanner error={setCompatibility.error} />
      </Section>
      <Section title={t('schemas.evolve')}>
        <SchemaEditor
          key={latest.version}
          cluster={cluster}
          subject={subject}
          type={latest.type}
          initial={latest.schema}
          onRegistered={(version) => toast(t('schemas.registered', { subject, version }))}
        />
      </Section>
      {deleting && (
        <DeleteSchemaDialog
          cluster={cluster}
          subject={subject}
          versions={versions}
          onCancel={() => setDeleting(false)}
          onDeleted={({ version, permanent, subjectGone }) => {
            setDeleting(false);
            setLeft('');
            setRight('');
            toast(
              version === undefined
                ? t(permanent ? 'schemas.deletedPermanently' : 'schemas.deleted', { subject })
                : t(permanent ? 'schemas.versionDeletedPermanently' : 'schemas.versionDeleted', {
                    subject,
                    version,
                  }),
            );
            if (subjectGone) navigate(`/clusters/${encodeURIComponent(cluster)}/schemas`);
            else void queryClient.invalidateQueries({ queryKey: schemaKeys.subject(cluster, subject) });
          }}
        />
      )}
    </section>
  );
}
