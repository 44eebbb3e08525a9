import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddPartitionsResult,
  AlterConfigsBody,
  CloneTopicBody,
  CloneTopicResult,
  ConfigList,
  CreatedTopic,
  CreateTopicBody,
  PurgeResult,
  TopicDetail,
  TopicList,
  TopicListQuery,
} from '@tributary/contract';
import { apiFetch, apiPath, queryString } from './client.ts';
import { clusterKeys } from './clusters.ts';

/** Topic query keys nest under the cluster, so a cluster-level invalidation refreshes them too. */
export const topicKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'topics'] as const,
  list: (cluster: string, query: TopicListQuery) => [...topicKeys.all(cluster), 'list', query] as const,
  detail: (cluster: string, topic: string) => [...topicKeys.all(cluster), 'detail', topic] as const,
  configs: (cluster: string, topic: string) => [...topicKeys.detail(cluster, topic), 'configs'] as const,
};

export function useTopics(cluster: string, query: TopicListQuery, refetchInterval: number | false = false) {
  return useQuery({
    refetchInterval,
    queryKey: topicKeys.list(cluster, query),
    queryFn: () => apiFetch<TopicList>(apiPath`/api/clusters/${cluster}/topics` + queryString(query)),
    placeholderData: keepPreviousData,
  });
}

export function useTopic(cluster: string, topic: string) {
  return useQuery({
    queryKey: topicKeys.detail(cluster, topic),
    queryFn: () => apiFetch<TopicDetail>(apiPath`/api/clusters/${cluster}/topics/${topic}`),
  });
}

export function useTopicConfigs(cluster: string, topic: string) {
  return useQuery({
    queryKey: topicKeys.configs(cluster, topic),
    queryFn: () => apiFetch<ConfigList>(apiPath`/api/clusters/${cluster}/topics/${topic}/configs`),
  });
}

export function useCreateTopic(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTopicBody) =>
      apiFetch<CreatedTopic>(apiPath`/api/clusters/${cluster}/topics`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}

export function useDeleteTopic(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(apiPath`/api/clusters/${cluster}/topics/${topic}`, { method: 'DELETE' }),
    onSuccess: () => {
      // The deleted topic's own queries are marked stale, not refetched (that would only answer 404).
      const gone = topicKeys.detail(cluster, topic);
      void client.invalidateQueries({ queryKey: gone, refetchType: 'none' });
      return client.invalidateQueries({
        queryKey: clusterKeys.detail(cluster),
        predicate: (q) => !gone.every((part, i) => q.queryKey[i] === part),
      });
    },
  });
}

export function useAlterTopicConfigs(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlterConfigsBody) =>
      apiFetch<ConfigList>(apiPath`/api/clusters/${cluster}/topics/${topic}/configs`, {
        method: 'PATCH',
        json: body,
      }),
    onSuccess: (configs) => client.setQueryData(topicKeys.configs(cluster, topic), configs),
  });
}

export function useAddPartitions(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (count: number) =>
      apiFetch<AddPartitionsResult>(apiPath`/api/clusters/${cluster}/topics/${topic}/partitions`, {
        method: 'POST',
        json: { count },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}

/** Purges the given partitions up to the high watermark; all of them when `partitions` is empty. */
export function usePurgeTopic(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (partitions: number[]) =>
      apiFetch<PurgeResult>(
        apiPath`/api/clusters/${cluster}/topics/${topic}/records` +
          (partitions.length ? `?partitions=${partitions.join(',')}` : ''),
        { method: 'DELETE' },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}

/** One change applied to several topics, one request each; what failed is kept with the server's sentence. */
export interface BulkOutcome {
  done: string[];
  failed: { topic: string; message: string }[];
}

export type BulkChange =
  { kind: 'delete' } | { kind: 'purge' } | { kind: 'config'; name: string; value: string | null };

function bulkRequest(cluster: string, topic: string, change: BulkChange): Promise<unknown> {
  const path = apiPath`/api/clusters/${cluster}/topics/${topic}`;
  if (change.kind === 'delete') return apiFetch<void>(path, { method: 'DELETE' });
  if (change.kind === 'purge') return apiFetch<PurgeResult>(`${path}/records`, { method: 'DELETE' });
  const body: AlterConfigsBody =
    change.value === null ? { reset: [change.name] } : { set: { [change.name]: change.value } };
  return apiFetch<ConfigList>(`${path}/configs`, { method: 'PATCH', json: body });
}

export function useBulkTopics(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      topics,
      change,
    }: {
      topics: string[];
      change: BulkChange;
    }): Promise<BulkOutcome> => {
      const outcome: BulkOutcome = { done: [], failed: [] };
      // One after the other: the controller takes topic changes in order, and the outcome reads in order.
      for (const topic of topics)
        try {
          await bulkRequest(cluster, topic, change);
          outcome.done.push(topic);
        } catch (error) {
          outcome.failed.push({ topic, message: error instanceof Error ? error.message : String(error) });
        }
      return outcome;
    },
    onSettled: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}

export function useCloneTopic(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CloneTopicBody) =>
      apiFetch<CloneTopicResult>(apiPath`/api/clusters/${cluster}/topics/${topic}/clone`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: topicKeys.all(cluster) }),
  });
}
