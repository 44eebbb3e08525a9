import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { CompatibilityLevel } from '@tributary/contract';
import { useSchemaVersion, useSetCompatibility, useSubject } from '../../api/schemas.ts';
import { DeleteSchemaDialog } from '../../components/schemas/DeleteSchemaDialog.tsx';
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

/** One subject: its versions side by side, its compatibility level, a new version, delete. */
export function SubjectPage() {
  const { t } = useTranslation();
  const { cluster = '', subject = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { data, error, isLoading } = useSubject(cluster, subject);
  const [left, setLeft] = useState('');
  const [level, setLevel] = useState<CompatibilityLevel | ''>('');
  const [deleting, setDeleting] = useState(false);
  const setCompatibility = useSetCompatibility(cluster);
  const latest = data?.latest;
  const versions = data?.versions ?? [];
  const compareWith =
    left || String(versions.length > 1 ? versions[versions.length - 2] : (latest?.version ?? ''));
  const older = useSchemaVersion(cluster, subject, latest ? compareWith : '');
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
        <Select
          label={t('schemas.compareWith')}
          value={compareWith}
          onChange={(e) => setLeft(e.target.value)}
          className="mb-2 max-w-xs"
        >
          {versions.map((v) => (
            <option key={v} value={v}>
              {t('schemas.version', { version: v })}
            </option>
          ))}
        </Select>
        <div className="grid gap-3 lg:grid-cols-2">
          <figure>
            <figcaption className="mb-1 text-sm text-muted">
              {t('schemas.version', { version: compareWith })}
            </figcaption>
            <pre
              aria-label={t('schemas.olderSchema')}
              className="max-h-96 overflow-auto rounded border border-line bg-surface p-2 text-xs"
            >
              {older.data?.schema ?? ''}
            </pre>
          </figure>
          <figure>
            <figcaption className="mb-1 text-sm text-muted">
              {t('schemas.version', { version: latest.version })}
            </figcaption>
            <pre
              aria-label={t('schemas.latestSchema')}
              className="max-h-96 overflow-auto rounded border border-line bg-surface p-2 text-xs"
            >
              {latest.schema}
            </pre>
          </figure>
        </div>
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
            toast(
              version === undefined
                ? t(permanent ? 'schemas.deletedPermanently' : 'schemas.deleted', { subject })
                : t(permanent ? 'schemas.versionDeletedPermanently' : 'schemas.versionDeleted', {
                    subject,
                    version,
                  }),
            );
            if (subjectGone) navigate(`/clusters/${encodeURIComponent(cluster)}/schemas`);
          }}
        />
      )}
    </section>
  );
}
