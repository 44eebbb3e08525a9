import { SecurityPage } from './pages/security/SecurityPage.tsx';
import { PrincipalPage } from './pages/security/PrincipalPage.tsx';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { ClustersPage } from './pages/ClustersPage.tsx';
import { ClusterOverviewPage } from './pages/ClusterOverviewPage.tsx';
import { BrokersPage } from './pages/BrokersPage.tsx';
import { TopicsPage } from './pages/TopicsPage.tsx';
import { TopicPage } from './pages/topic/TopicPage.tsx';
import { ConsumerGroupsPage } from './pages/ConsumerGroupsPage.tsx';
import { ConsumerGroupPage } from './pages/ConsumerGroupPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { SchedulesPage } from './pages/SchedulesPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ConnectorsPage } from './pages/connect/ConnectorsPage.tsx';
import { ConnectorPage } from './pages/connect/ConnectorPage.tsx';
import { CreateConnectorPage } from './pages/connect/CreateConnectorPage.tsx';
import { SchemasPage } from './pages/schemas/SchemasPage.tsx';
import { NewSubjectPage } from './pages/schemas/NewSubjectPage.tsx';
import { SubjectPage } from './pages/schemas/SubjectPage.tsx';

/** Every page has its own address, inside the one Layout (sidebar, header) that renders it in its Outlet. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<Layout />}>
        <Route path="/" element={<ClustersPage />} />
        <Route path="/clusters/:cluster" element={<ClusterOverviewPage />} />
        <Route path="/clusters/:cluster/brokers" element={<BrokersPage />} />
        <Route path="/clusters/:cluster/topics" element={<TopicsPage />} />
        <Route path="/clusters/:cluster/topics/:topic/messages/:partition/:offset" element={<TopicPage />} />
        <Route path="/clusters/:cluster/topics/:topic/:tab?" element={<TopicPage />} />
        <Route path="/clusters/:cluster/consumer-groups" element={<ConsumerGroupsPage />} />
        <Route path="/clusters/:cluster/consumer-groups/:group" element={<ConsumerGroupPage />} />
        <Route path="/clusters/:cluster/connect" element={<ConnectorsPage />} />
        <Route path="/clusters/:cluster/connect/new" element={<CreateConnectorPage />} />
        <Route path="/clusters/:cluster/connect/:connect/connectors/:name" element={<ConnectorPage />} />
        <Route path="/clusters/:cluster/schemas" element={<SchemasPage />} />
        <Route path="/clusters/:cluster/schemas/new" element={<NewSubjectPage />} />
        <Route path="/clusters/:cluster/schemas/:subject" element={<SubjectPage />} />
        <Route path="/clusters/:cluster/schedules" element={<SchedulesPage />} />
        <Route path="/clusters/:cluster/security/principals/:principal" element={<PrincipalPage />} />
        <Route path="/clusters/:cluster/security/:tab?" element={<SecurityPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
