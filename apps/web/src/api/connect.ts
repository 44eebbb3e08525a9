import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConnectList,
  ConnectorAction,
  ConnectorActionResult,
  ConnectorDetail,
  ConnectorList,
  ConnectorListQuery,
  ConnectorPluginList,
  CreateConnectorBody,
  PluginConfigDefinition,
} from '@tributary/contract';
import { apiFetch, apiPath, queryString } from './client.ts';
import { clusterKeys } from './clusters.ts';

/** Connect keys nest under the cluster; a connector's detail under its Connect cluster. */
export const connectKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'connect'] as const,
  connects: (cluster: string) => [...connectKeys.all(cluster), 'connects'] as const,
  plugins: (cluster: string, connect: string) => [...connectKeys.all(cluster), 'plugins', connect] as const,
  pluginConfig: (cluster: string, connect: string, cls: string) =>
    [...connectKeys.plugins(cluster, connect), cls] as const,
  connectors: (cluster: string) => [...connectKeys.all(cluster), 'connectors'] as const,
  list: (cluster: string, query: ConnectorListQuery) =>
    [...connectKeys.connectors(cluster), 'list', query] as const,
  detail: (cluster: string, connect: string, name: string) =>
    [...connectKeys.connectors(cluster), 'detail', connect, name] as const,
};

/** Connector states move on their own (tasks fail, a pause lands): pages that show them refresh. */
const REFRESH_MS = 3_000;

const connectorPath = (cluster: string, connect: string, name: string) =>
  apiPath`/api/clusters/${cluster}/connects/${connect}/connectors/${name}`;

/** Refreshes while a Connect cluster is starting, so the page turns to "online" by itself. */
export function useConnects(cluster: string) {
  return useQuery({
    queryKey: connectKeys.connects(cluster),
    queryFn: () => apiFetch<ConnectList>(apiPath`/api/clusters/${cluster}/connects`),
    refetchInterval: (q) => (q.state.data?.some((c) => c.status !== 'online') ? 2_000 : 30_000),
  });
}

export function usePlugins(cluster: string, connect: string) {
  return useQuery({
    queryKey: connectKeys.plugins(cluster, connect),
    queryFn: () =>
      apiFetch<ConnectorPluginList>(apiPath`/api/clusters/${cluster}/connects/${connect}/plugins`),
    enabled: connect !== '',
  });
}

export function usePluginConfig(cluster: string, connect: string, cls: string) {
  return useQuery({
    queryKey: connectKeys.pluginConfig(cluster, connect, cls),
    queryFn: () =>
      apiFetch<PluginConfigDefinition>(
        apiPath`/api/clusters/${cluster}/connects/${connect}/plugins/${cls}/config`,
      ),
    enabled: connect !== '' && cls !== '',
  });
}

export function useConnectors(cluster: string, query: ConnectorListQuery) {
  return useQuery({
    queryKey: connectKeys.list(cluster, query),
    queryFn: () => apiFetch<ConnectorList>(apiPath`/api/clusters/${cluster}/connectors` + queryString(query)),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useConnector(cluster: string, connect: string, name: string) {
  return useQuery({
    queryKey: connectKeys.detail(cluster, connect, name),
    queryFn: () => apiFetch<ConnectorDetail>(connectorPath(cluster, connect, name)),
    refetchInterval: REFRESH_MS,
  });
}

export function useCreateConnector(cluster: string, connect: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConnectorBody) =>
      apiFetch<ConnectorDetail>(apiPath`/api/clusters/${cluster}/connects/${connect}/connectors`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: connectKeys.connectors(cluster) }),
  });
}

export function useConnectorAction(cluster: string, connect: string, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, query = '' }: { action: ConnectorAction; query?: string }) =>
      apiFetch<ConnectorActionResult>(connectorPath(cluster, connect, name) + `/actions/${action}${query}`, {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: connectKeys.connectors(cluster) }),
  });
}

export function useRestartTask(cluster: string, connect: string, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (task: number) =>
      apiFetch<void>(connectorPath(cluster, connect, name) + `/tasks/${task}/actions/restart`, {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: connectKeys.detail(cluster, connect, name) }),
  });
}

export function useDeleteConnector(cluster: string, connect: string, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(connectorPath(cluster, connect, name), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: connectKeys.connectors(cluster) }),
  });
}
