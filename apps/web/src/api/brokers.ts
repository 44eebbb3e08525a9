import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlterConfigsBody, BrokerList, ClusterOverview, ConfigList } from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { clusterKeys } from './clusters.ts';

export const brokerKeys = {
  overview: (cluster: string) => [...clusterKeys.detail(cluster), 'overview'] as const,
  list: (cluster: string) => [...clusterKeys.detail(cluster), 'brokers'] as const,
  configs: (cluster: string, id: number | 'default') => [...brokerKeys.list(cluster), id, 'configs'] as const,
};

/** `refetchInterval`: the page's auto-refresh (false while paused). */
export function useClusterOverview(cluster: string, refetchInterval: number | false = 15_000) {
  return useQuery({
    queryKey: brokerKeys.overview(cluster),
    queryFn: () => apiFetch<ClusterOverview>(apiPath`/api/clusters/${cluster}`),
    refetchInterval,
  });
}

export function useBrokers(cluster: string) {
  return useQuery({
    queryKey: brokerKeys.list(cluster),
    queryFn: () => apiFetch<BrokerList>(apiPath`/api/clusters/${cluster}/brokers`),
    refetchInterval: 15_000,
  });
}

/** A broker's configs, or (`default`) the cluster-wide dynamic defaults that are set. */
export function useBrokerConfigs(cluster: string, id: number | 'default' | undefined) {
  return useQuery({
    queryKey: brokerKeys.configs(cluster, id ?? -1),
    queryFn: () =>
      apiFetch<ConfigList>(apiPath`/api/clusters/${cluster}/brokers/${String(id ?? -1)}/configs`),
    enabled: id !== undefined,
  });
}

/** `PATCH .../brokers/:id/configs {set, reset}`; a default changes what every broker shows, so all refresh. */
export function useAlterBrokerConfigs(cluster: string, id: number | 'default') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlterConfigsBody) =>
      apiFetch<ConfigList>(apiPath`/api/clusters/${cluster}/brokers/${String(id)}/configs`, {
        method: 'PATCH',
        json: body,
      }),
    onSuccess: (configs) => {
      client.setQueryData(brokerKeys.configs(cluster, id), configs);
      return client.invalidateQueries({ queryKey: brokerKeys.list(cluster) });
    },
  });
}
