import { useTranslation } from 'react-i18next';
import type { GroupMember } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Muted } from '../ui/Page.tsx';

export function MembersTable({ members }: { members: GroupMember[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <Muted>{t('group.noMembers')}</Muted>;
  const columns: Column<GroupMember>[] = [
    {
      key: 'id',
      header: 'CONSUMER-ID',
      className: 'font-mono text-xs break-all',
      cell: (m) => (
        <>
          {m.consumerId}
          {m.groupInstanceId && (
            <div className="text-muted">{t('group.instance', { id: m.groupInstanceId })}</div>
          )}
        </>
      ),
    },
    { key: 'host', header: 'HOST', className: 'font-mono text-xs', cell: (m) => m.host },
    { key: 'client', header: 'CLIENT-ID', className: 'font-mono text-xs', cell: (m) => m.clientId },
    {
      key: 'assignment',
      header: 'ASSIGNMENT',
      className: 'text-xs',
      cell: (m) =>
        m.assignments.length === 0
          ? '—'
          : m.assignments.map((a) => (
              <div key={a.topic}>
                <span className="font-medium">{a.topic}</span>: {a.partitions.join(', ')}
              </div>
            )),
    },
  ];
  return (
    <DataTable
      label={t('group.members')}
      dense
      columns={columns}
      rows={members}
      rowKey={(m) => m.consumerId}
    />
  );
}
