import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/ui/Page.tsx';
import { TabLinks } from '../../components/ui/Tabs.tsx';
import { AclsTab } from './AclsTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { QuotasTab } from './QuotasTab.tsx';

const TABS = { acls: AclsTab, users: UsersTab, quotas: QuotasTab } as const;
type TabName = keyof typeof TABS;
const isTab = (tab: string | undefined): tab is TabName => tab !== undefined && tab in TABS;

/** Kafka's own security: ACLs (with the wizards), SCRAM users and client quotas, one address per tab. */
export function SecurityPage() {
  const { t } = useTranslation();
  const { cluster = '', tab } = useParams();
  if (!isTab(tab)) return <Navigate replace to="acls" relative="path" />;
  const Component = TABS[tab];
  const base = `/clusters/${encodeURIComponent(cluster)}/security`;
  return (
    <section>
      <PageHeader title={t('nav.security')} subtitle={t('security.subtitle')} />
      <TabLinks
        label={t('security.tabs')}
        tabs={(Object.keys(TABS) as TabName[]).map((name) => ({
          to: `${base}/${name}`,
          label: t(`security.tab.${name}`),
          selected: name === tab,
        }))}
      />
      <Component key={cluster} cluster={cluster} />
    </section>
  );
}
