import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMay } from '../../api/auth.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { ConfigurationTab } from './ConfigurationTab.tsx';
import { MessagesTab } from './MessagesTab.tsx';
import { LiveTab } from './LiveTab.tsx';
import { ConsumersTab } from './ConsumersTab.tsx';
import { ConnectorsTab } from './ConnectorsTab.tsx';
import { RequestTab } from './RequestTab.tsx';
import { AclsTab } from './AclsTab.tsx';
import { TopicActions } from '../../components/topics/TopicActions.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { PageHeader } from '../../components/ui/Page.tsx';
import { TabLinks } from '../../components/ui/Tabs.tsx';
import { closeParkedTail } from '../../api/live.ts';

const TABS = {
  overview: OverviewTab,
  configuration: ConfigurationTab,
  messages: MessagesTab,
  live: LiveTab,
  consumers: ConsumersTab,
  connectors: ConnectorsTab,
  request: RequestTab,
  acls: AclsTab,
} as const;
type TabName = keyof typeof TABS;

const isTab = (tab: string | undefined): tab is TabName => tab !== undefined && tab in TABS;

/**
 * A topic with one address per tab (`/clusters/:cluster/topics/:topic/:tab`), so a link can be shared.
 * `/messages/:partition/:offset` is the Messages tab with that one message open.
 */
export function TopicPage() {
  const { t } = useTranslation();
  const { cluster = '', topic = '', tab: tabParam, partition } = useParams();
  const tab = partition !== undefined ? 'messages' : tabParam;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const may = useMay(cluster);
  // Leaving the topic ends a tail its Live tab left running (after the tab's own cleanup has parked it).
  useEffect(() => () => void setTimeout(() => closeParkedTail(cluster, topic)), [cluster, topic]);
  if (!isTab(tab)) return <Navigate replace to="overview" relative="path" />;
  const Component = TABS[tab];
  const base = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;
  const producing = tab === 'messages' && params.get('produce') === '1';
  // Produce from any tab: it opens the Messages tab with its produce panel (an address of its own).
  const toggleProduce = () => {
    if (producing) {
      const next = new URLSearchParams(params);
      next.delete('produce');
      navigate({ search: next.toString() }, { replace: true });
    } else if (tab === 'messages') {
      const next = new URLSearchParams(params);
      next.set('produce', '1');
      navigate({ search: next.toString() }, { replace: true });
    } else navigate(`${base}/messages?produce=1`);
  };
  return (
    <section>
      <PageHeader
        title={topic}
        actions={
          <>
            {may('operator') && (
              <Button variant="primary" aria-expanded={producing} onClick={toggleProduce}>
                {t('topic.produce')}
              </Button>
            )}
            <TopicActions cluster={cluster} topic={topic} />
          </>
        }
      />
      <TabLinks
        label={t('topic.tabs')}
        tabs={(Object.keys(TABS) as TabName[]).map((name) => ({
          to: `${base}/${name}`,
          label: t(`topic.tab.${name}`),
          selected: name === tab,
        }))}
      />
      <Component key={`${cluster}/${topic}`} cluster={cluster} topic={topic} />
    </section>
  );
}
