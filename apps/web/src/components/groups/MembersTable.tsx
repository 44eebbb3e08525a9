import type { GroupMember } from '@tributary/contract';

export function MembersTable({ members }: { members: GroupMember[] }) {
  if (members.length === 0) return <p className="text-sm text-slate-500">No active members.</p>;
  return (
    <table aria-label="Members" className="w-full border-collapse rounded bg-white text-left text-sm shadow">
      <thead className="bg-slate-100 text-xs text-slate-600">
        <tr>
          <th className="px-3 py-1.5">CONSUMER-ID</th>
          <th className="px-3 py-1.5">HOST</th>
          <th className="px-3 py-1.5">CLIENT-ID</th>
          <th className="px-3 py-1.5">ASSIGNMENT</th>
        </tr>
      </thead>
      <tbody className="text-xs">
        {members.map((m) => (
          <tr key={m.consumerId} className="border-t border-slate-100 align-top">
            <td className="px-3 py-1.5 font-mono break-all">
              {m.consumerId}
              {m.groupInstanceId && <div className="text-slate-500">instance {m.groupInstanceId}</div>}
            </td>
            <td className="px-3 py-1.5 font-mono">{m.host}</td>
            <td className="px-3 py-1.5 font-mono">{m.clientId}</td>
            <td className="px-3 py-1.5">
              {m.assignments.length === 0
                ? '—'
                : m.assignments.map((a) => (
                    <div key={a.topic}>
                      <span className="font-medium">{a.topic}</span>: {a.partitions.join(', ')}
                    </div>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
