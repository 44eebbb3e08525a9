import { useMay } from '../api/auth.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ResetOffsetsResult } from '@tributary/contract';
import {
  groupKeys,
  useCommitHistory,
  useConsumerGroup,
  useDeleteGroup,
  useLagHistory,
} from '../api/consumer-groups.ts';
import { ErrorBanner, Notice } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { ConfirmDialog } from '../components/ui/ConfirmDialog.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { linkClass, Muted, PageHeader, Section } from '../components/ui/Page.tsx';
import { useToast } from '../components/ui/Toast.tsx';
import { StateBadge, TypeBadge } from '../components/groups/StateBadge.tsx';
import { MembersTable } from '../components/groups/MembersTable.tsx';
import { OffsetsTable } from '../components/groups/OffsetsTable.tsx';
import { LagChart } from '../components/groups/LagChart.tsx';
import { CommitTimeline } from '../components/groups/CommitTimeline.tsx';
import { ResetWizard } from '../components/groups/ResetWizard.tsx';
import { DeleteOffsets } from '../components/groups/DeleteOffsets.tsx';
import { AclsOn } from '../components/security/AclsOn.tsx';

/** One group: `--describe` with members, lag over time, commits, and the reset wizard. */
export function ConsumerGroupPage() {
  const { t } = useTranslation();
  const { cluster = '', group = '' } = useParams();
  const may = useMay(cluster);
  const navigate = useNavigate();
  const toast = useToast();
  const client = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  const { data, error, isLoading } = useConsumerGroup(cluster, group, !deleted);
  const lag = useLagHistory(cluster, group, !deleted);
  const commits = useCommitHistory(cluster, group, !deleted);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState<ResetOffsetsResult | null>(null);
  const [deleting, setDeleting] = useState(false);
  const deletion = useDeleteGroup(cluster, group);
  const topics = data ? [...new Set(data.offsets.map((r) => r.topic))] : [];
  const listPath = `/clusters/${encodeURIComponent(cluster)}/consumer-groups`;

  return (
    <section>
      <p className="mb-1 text-sm">
        <Link to={listPath} className={linkClass}>
          {t('nav.groups')}
        </Link>
      </p>
      <PageHeader
        title={group}
        badges={
          data && (
            <>
              <StateBadge state={data.state} />
              <TypeBadge type={data.type} />
            </>
          )
        }
        actions={
          data && (
            <>
              {may('operator') && (
                <Button
                  variant="primary"
                  onClick={() => {
                    setResetting(true);
                    setDone(null);
                  }}
                >
                  {t('group.resetOffsets')}
                </Button>
              )}
              {may('admin') && (
                <Button variant="danger-outline" onClick={() => setDeleting(true)}>
                  {t('group.delete')}
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorBanner error={error} />
      {isLoading && <Muted>{t('group.loading')}</Muted>}
      {data && (
        <dl className="mb-4 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-muted">{t('group.totalLag')}</dt>
          <dd aria-label={t('group.totalLag')} className="font-semibold tabular-nums">
            {formatNumber(data.totalLag)}
          </dd>
          <dt className="text-muted">{t('groups.members')}</dt>
          <dd>{formatNumber(data.members.length)}</dd>
          <dt className="text-muted">{t('group.coordinator')}</dt>
          <dd className="font-mono text-xs break-all">
            {data.coordinator
              ? `${data.coordinator.id} (${data.coordinator.host}:${data.coordinator.port})`
              : '—'}
          </dd>
          <dt className="text-muted">{t('group.strategy')}</dt>
          <dd>{data.assignmentStrategy || '—'}</dd>
        </dl>
      )}
      {done && (
        <Notice tone="ok" role="status">
          {t('group.resetDone', { count: done.rows.length, n: formatNumber(done.rows.length) })}
          {done.clampedCount > 0 ? ` ${t('group.resetClamped', { count: done.clampedCount })}` : ''}
        </Notice>
      )}
      {resetting && data && (
        <ResetWizard
          cluster={cluster}
          group={group}
          topics={topics}
          onCancel={() => setResetting(false)}
          onDone={(r) => {
            setResetting(false);
            setDone(r);
          }}
        />
      )}
      {data && (
        <>
          <Section title={t('group.lagTitle')}>
            <ErrorBanner error={lag.error} />
            {lag.data && <LagChart history={lag.data} now={lag.dataUpdatedAt} />}
          </Section>
          <Section title={t('group.partitions')}>
            {data.offsets.length === 0 ? (
              <Muted>{t('group.noOffsets')}</Muted>
            ) : (
              <OffsetsTable rows={data.offsets} />
            )}
          </Section>
          <Section title={t('group.members')}>
            <MembersTable members={data.members} />
          </Section>
          <Section title={t('group.timeline')}>
            <ErrorBanner error={commits.error} />
            {commits.data && <CommitTimeline history={commits.data} />}
          </Section>
          <Section title={t('group.acls')}>
            <AclsOn cluster={cluster} resourceType="GROUP" resourceName={group} />
          </Section>
          {topics.length > 0 && may('operator') && (
            <Section title={t('group.deleteOffsets')}>
              <DeleteOffsets cluster={cluster} group={group} topics={topics} />
            </Section>
          )}
        </>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('group.deleteTitle', { group })}
          confirmLabel={t('group.delete')}
          typeToConfirm={group}
          danger
          pending={deletion.isPending}
          error={deletion.error}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            deletion.mutate(undefined, {
              onSuccess: () => {
                setDeleted(true); // the page stays on screen until the list replaces it: no refetch meanwhile
                navigate(listPath);
                client.removeQueries({ queryKey: groupKeys.detail(cluster, group) });
                toast(t('group.deleted', { group }));
              },
            })
          }
        >
          <p>{t('group.deleteText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
