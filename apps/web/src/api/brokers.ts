import { useQuery } from '@tanstack/react-query';
import type { BrokerList, ClusterOverview, ConfigList } from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { clusterKeys } from './clusters.ts';

export const brokerKeys = {
  overview: (cluster: string) => [...clusterKeys.detail(cluster), 'overview'] as const,
  list: (cluster: string) => [...clusterKeys.detail(cluster), 'brokers'] as const,
  configs: (cluster: string, id: number) => [...brokerKeys.list(cluster), id, 'configs'] as const,
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

export function useBrokerConfigs(cluster: string, id: number | undefined) {
  return useQuery({
    queryKey: brokerKeys.configs(cluster, id ?? -1),
    queryFn: () => apiFetch<ConfigList>(apiPath`/api/clusters/${cluster}/brokers/${id ?? -1}/configs`),
    enabled: id !== undefined,
  });
}
