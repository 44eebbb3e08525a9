import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ResetOffsetsResult } from '@tributary/contract';
import { useCommitHistory, useConsumerGroup, useDeleteGroup, useLagHistory } from '../api/consumer-groups.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { formatNumber, plural } from '../components/format.ts';
import { StateBadge, TypeBadge } from '../components/groups/StateBadge.tsx';
import { MembersTable } from '../components/groups/MembersTable.tsx';
import { OffsetsTable } from '../components/groups/OffsetsTable.tsx';
import { LagChart } from '../components/groups/LagChart.tsx';
import { CommitTimeline } from '../components/groups/CommitTimeline.tsx';
import { ResetWizard } from '../components/groups/ResetWizard.tsx';
import { DeleteOffsets } from '../components/groups/DeleteOffsets.tsx';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** One group: `--describe` with members, lag over time, commits, and the reset wizard. */
export function ConsumerGroupPage() {
  const { cluster = '', group = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, isLoading } = useConsumerGroup(cluster, group);
  const lag = useLagHistory(cluster, group);
  const commits = useCommitHistory(cluster, group);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState<ResetOffsetsResult | null>(null);
  const [deleting, setDeleting] = useState(false);
  const deletion = useDeleteGroup(cluster, group);
  const topics = data ? [...new Set(data.offsets.map((r) => r.topic))] : [];
  const listPath = `/clusters/${encodeURIComponent(cluster)}/consumer-groups`;

  return (
    <section>
      <p className="mb-1 text-sm">
        <Link to={listPath} className="text-blue-700 hover:underline">
          Consumer groups
        </Link>
      </p>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-all">{group}</h1>
        {data && <StateBadge state={data.state} />}
        {data && <TypeBadge type={data.type} />}
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={() => {
              setResetting(true);
              setDone(null);
            }}
            className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
          >
            Reset offsets
          </button>
          <button
            type="button"
            onClick={() => setDeleting(true)}
            className="rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
          >
            Delete group
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading group…</p>}
      {data && (
        <dl className="mb-4 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-slate-500">Total lag</dt>
          <dd aria-label="Total lag" className="font-semibold tabular-nums">
            {formatNumber(data.totalLag)}
          </dd>
          <dt className="text-slate-500">Members</dt>
          <dd>{data.members.length}</dd>
          <dt className="text-slate-500">Coordinator</dt>
          <dd className="font-mono text-xs">
            {data.coordinator
              ? `${data.coordinator.id} (${data.coordinator.host}:${data.coordinator.port})`
              : '—'}
          </dd>
          <dt className="text-slate-500">Assignment strategy</dt>
          <dd>{data.assignmentStrategy || '—'}</dd>
        </dl>
      )}
      {done && (
        <div
          role="status"
          className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Offsets reset for {plural(done.rows.length, 'partition')}
          {done.clampedCount > 0 ? ` (${done.clampedCount} clamped to the valid range)` : ''}.
        </div>
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
          <Section title="Lag over the last hour">
            <ErrorBanner error={lag.error} />
            {lag.data && <LagChart history={lag.data} now={lag.dataUpdatedAt} />}
          </Section>
          <Section title="Partitions">
            {data.offsets.length === 0 ? (
              <p className="text-sm text-slate-500">No committed offsets and no assignment.</p>
            ) : (
              <OffsetsTable rows={data.offsets} />
            )}
          </Section>
          <Section title="Members">
            <MembersTable members={data.members} />
          </Section>
          <Section title="Commit timeline">
            <ErrorBanner error={commits.error} />
            {commits.data && <CommitTimeline history={commits.data} />}
          </Section>
          {topics.length > 0 && (
            <Section title="Delete offsets">
              <DeleteOffsets cluster={cluster} group={group} topics={topics} />
            </Section>
          )}
        </>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete consumer group ${group}?`}
          confirmLabel="Delete group"
          typeToConfirm={group}
          danger
          pending={deletion.isPending}
          error={deletion.error}
          onCancel={() => setDeleting(false)}
          onConfirm={() => deletion.mutate(undefined, { onSuccess: () => navigate(listPath) })}
        >
          <p>
            Removes the group and all its committed offsets. Refused while consumers of the group are running.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
