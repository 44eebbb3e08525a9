import { useQuery } from '@tanstack/react-query';
import type { ClusterList } from '@tributary/contract';
import { apiFetch } from './client.ts';

/** Query keys of everything under a cluster; other resources nest under `clusterKeys.detail(name)`. */
export const clusterKeys = {
  all: ['clusters'] as const,
  list: () => [...clusterKeys.all, 'list'] as const,
  detail: (cluster: string) => [...clusterKeys.all, cluster] as const,
};

export function useClusters() {
  return useQuery({ queryKey: clusterKeys.list(), queryFn: () => apiFetch<ClusterList>('/api/clusters') });
}
