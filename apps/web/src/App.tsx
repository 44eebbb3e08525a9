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
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ConnectorsPage } from './pages/connect/ConnectorsPage.tsx';
import { ConnectorPage } from './pages/connect/ConnectorPage.tsx';
import { CreateConnectorPage } from './pages/connect/CreateConnectorPage.tsx';

/** Every page has its own address; the Layout's sidebar follows the `:cluster` in it. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/"
        element={
          <Layout>
            <ClustersPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster"
        element={
          <Layout>
            <ClusterOverviewPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/brokers"
        element={
          <Layout>
            <BrokersPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/topics"
        element={
          <Layout>
            <TopicsPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/topics/:topic/:tab?"
        element={
          <Layout>
            <TopicPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/consumer-groups"
        element={
          <Layout>
            <ConsumerGroupsPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/consumer-groups/:group"
        element={
          <Layout>
            <ConsumerGroupPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/connect"
        element={
          <Layout>
            <ConnectorsPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/connect/new"
        element={
          <Layout>
            <CreateConnectorPage />
          </Layout>
        }
      />
      <Route
        path="/clusters/:cluster/connect/:connect/connectors/:name"
        element={
          <Layout>
            <ConnectorPage />
          </Layout>
        }
      />
      <Route
        path="*"
        element={
          <Layout>
            <NotFoundPage />
          </Layout>
        }
      />
    </Routes>
  );
}
