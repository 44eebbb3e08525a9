import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitHistory,
  DeleteGroupOffsetsResult,
  GroupDetail,
  GroupList,
  GroupListQuery,
  LagHistory,
  ResetOffsetsBody,
  ResetOffsetsResult,
  TopicConsumerGroups,
} from '@tributary/contract';
import { apiFetch, apiPath, queryString } from './client.ts';
import { clusterKeys } from './clusters.ts';

/** Group query keys nest under the cluster; a group's detail, commits and lag nest under the group. */
export const groupKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'consumer-groups'] as const,
  list: (cluster: string, query: GroupListQuery) => [...groupKeys.all(cluster), 'list', query] as const,
  detail: (cluster: string, group: string) => [...groupKeys.all(cluster), 'detail', group] as const,
  commits: (cluster: string, group: string) => [...groupKeys.detail(cluster, group), 'commits'] as const,
  lag: (cluster: string, group: string) => [...groupKeys.detail(cluster, group), 'lag-history'] as const,
  ofTopic: (cluster: string, topic: string) => [...groupKeys.all(cluster), 'topic', topic] as const,
};

/** Lag moves: pages that show it refresh on their own. */
export const LAG_REFRESH_MS = 5_000;

export function useConsumerGroups(
  cluster: string,
  query: GroupListQuery,
  refetchInterval: number | false = LAG_REFRESH_MS,
) {
  return useQuery({
    queryKey: groupKeys.list(cluster, query),
    queryFn: () =>
      apiFetch<GroupList>(apiPath`/api/clusters/${cluster}/consumer-groups` + queryString(query)),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** `enabled` false: the group was just deleted, asking again would only answer 404. */
export function useConsumerGroup(cluster: string, group: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: groupKeys.detail(cluster, group),
    queryFn: () => apiFetch<GroupDetail>(apiPath`/api/clusters/${cluster}/consumer-groups/${group}`),
    refetchInterval: LAG_REFRESH_MS,
  });
}

/** `enabled` false: the group was just deleted, asking again would only answer 404. */
export function useCommitHistory(cluster: string, group: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: groupKeys.commits(cluster, group),
    queryFn: () =>
      apiFetch<CommitHistory>(apiPath`/api/clusters/${cluster}/consumer-groups/${group}/commits?limit=100`),
    refetchInterval: 15_000,
  });
}

/** `enabled` false: the group was just deleted, asking again would only answer 404. */
export function useLagHistory(cluster: string, group: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: groupKeys.lag(cluster, group),
    queryFn: () =>
      apiFetch<LagHistory>(apiPath`/api/clusters/${cluster}/consumer-groups/${group}/lag-history?minutes=60`),
    refetchInterval: LAG_REFRESH_MS,
  });
}

export function useTopicConsumerGroups(cluster: string, topic: string) {
  return useQuery({
    queryKey: groupKeys.ofTopic(cluster, topic),
    queryFn: () =>
      apiFetch<TopicConsumerGroups>(apiPath`/api/clusters/${cluster}/topics/${topic}/consumer-groups`),
    refetchInterval: LAG_REFRESH_MS,
  });
}

/** Dry run and execution share one call; only an execution refreshes what shows offsets. */
export function useResetOffsets(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResetOffsetsBody) =>
      apiFetch<ResetOffsetsResult>(apiPath`/api/clusters/${cluster}/consumer-groups/${group}/offsets`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: (result) => {
      if (result.executed) return client.invalidateQueries({ queryKey: groupKeys.all(cluster) });
    },
  });
}

export function useDeleteGroup(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/consumer-groups/${group}`, { method: 'DELETE' }),
    // Everything about groups but the deleted one: asking for it again would only answer 404.
    onSuccess: () => {
      const gone = groupKeys.detail(cluster, group);
      void client.cancelQueries({ queryKey: gone });
      return client.invalidateQueries({
        queryKey: groupKeys.all(cluster),
        predicate: (q) => !gone.every((part, i) => q.queryKey[i] === part),
      });
    },
  });
}

export function useDeleteGroupOffsets(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (topic: string) =>
      apiFetch<DeleteGroupOffsetsResult>(
        apiPath`/api/clusters/${cluster}/consumer-groups/${group}/offsets` + queryString({ topic }),
        { method: 'DELETE' },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all(cluster) }),
  });
}
