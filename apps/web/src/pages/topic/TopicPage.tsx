import { NavLink, Navigate, useParams } from 'react-router-dom';
import { OverviewTab } from './OverviewTab.tsx';
import { ConfigurationTab } from './ConfigurationTab.tsx';
import { MessagesTab } from './MessagesTab.tsx';
import { LiveTab } from './LiveTab.tsx';
import { ConsumersTab } from './ConsumersTab.tsx';
import { ConnectorsTab } from './ConnectorsTab.tsx';
import { TopicActions } from '../../components/topics/TopicActions.tsx';

const TABS = {
  overview: { label: 'Overview', Component: OverviewTab },
  configuration: { label: 'Configuration', Component: ConfigurationTab },
  messages: { label: 'Messages', Component: MessagesTab },
  live: { label: 'Live', Component: LiveTab },
  consumers: { label: 'Consumers', Component: ConsumersTab },
  connectors: { label: 'Connectors', Component: ConnectorsTab },
} as const;
type TabName = keyof typeof TABS;

const isTab = (tab: string | undefined): tab is TabName => tab !== undefined && tab in TABS;

/** A topic with one address per tab (`/clusters/:cluster/topics/:topic/:tab`), so a link can be shared. */
export function TopicPage() {
  const { cluster = '', topic = '', tab } = useParams();
  if (!isTab(tab)) return <Navigate replace to="overview" relative="path" />;
  const { Component } = TABS[tab];
  const base = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;
  return (
    <section>
      <h1 className="mb-3 text-2xl font-semibold break-all">{topic}</h1>
      <TopicActions cluster={cluster} topic={topic} />
      <nav role="tablist" aria-label="Topic" className="mb-4 flex gap-1 border-b border-slate-200">
        {(Object.keys(TABS) as TabName[]).map((name) => (
          <NavLink
            key={name}
            role="tab"
            aria-selected={name === tab}
            to={`${base}/${name}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${name === tab ? 'border-blue-600 font-medium text-blue-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {TABS[name].label}
          </NavLink>
        ))}
      </nav>
      <Component key={`${cluster}/${topic}`} cluster={cluster} topic={topic} />
    </section>
  );
}
