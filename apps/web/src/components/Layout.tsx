import type { ReactNode } from 'react';
import { Link, NavLink, useParams } from 'react-router-dom';
import { UserMenu } from './UserMenu.tsx';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-1.5 text-sm ${isActive ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800'}`;

/** The frame of every page: a sidebar with the current cluster's sections, the page on the right. */
export function Layout({ children }: { children: ReactNode }) {
  const { cluster } = useParams();
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="w-56 shrink-0 bg-slate-900 p-3">
        <Link to="/" className="mb-4 block px-3 text-lg font-semibold text-white">
          Tributary
        </Link>
        <NavLink to="/" end className={navClass}>
          Clusters
        </NavLink>
        {cluster && (
          <div className="mt-3 space-y-1">
            <div className="px-3 text-xs uppercase tracking-wide text-slate-500">{cluster}</div>
            <NavLink to={`/clusters/${encodeURIComponent(cluster)}`} end className={navClass}>
              Overview
            </NavLink>
            <NavLink to={`/clusters/${encodeURIComponent(cluster)}/brokers`} className={navClass}>
              Brokers
            </NavLink>
            <NavLink to={`/clusters/${encodeURIComponent(cluster)}/topics`} className={navClass}>
              Topics
            </NavLink>
            <NavLink to={`/clusters/${encodeURIComponent(cluster)}/consumer-groups`} className={navClass}>
              Consumer groups
            </NavLink>
            <NavLink to={`/clusters/${encodeURIComponent(cluster)}/connect`} className={navClass}>
              Kafka Connect
            </NavLink>
          </div>
        )}
        <UserMenu />
      </nav>
      <main className="min-w-0 flex-1 p-6">{children}</main>
    </div>
  );
}
