import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LeaderElectionBody,
  LeaderElectionResult,
  ReassignmentBody,
  ReassignmentStatus,
} from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { topicKeys } from './topics.ts';

const reassignmentKey = (cluster: string, topic: string) =>
  [...topicKeys.detail(cluster, topic), 'reassignments'] as const;

/** A topic's reassignment progress: asked every 2 s while partitions move, else once. */
export function useReassignment(cluster: string, topic: string) {
  return useQuery({
    queryKey: reassignmentKey(cluster, topic),
    queryFn: () =>
      apiFetch<ReassignmentStatus>(apiPath`/api/clusters/${cluster}/topics/${topic}/reassignments`),
    refetchInterval: (q) => (q.state.data?.inProgress ? 2000 : false),
  });
}

/** Start (`body`) or cancel (`null`) a reassignment; the answer is the progress, the topic refreshes. */
export function useChangeReassignment(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignmentBody | null) =>
      apiFetch<ReassignmentStatus>(
        apiPath`/api/clusters/${cluster}/topics/${topic}/reassignments`,
        body ? { method: 'POST', json: body } : { method: 'DELETE' },
      ),
    onSuccess: (status) => {
      client.setQueryData(reassignmentKey(cluster, topic), status);
      return client.invalidateQueries({ queryKey: topicKeys.detail(cluster, topic), exact: true });
    },
  });
}

export function useLeaderElection(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LeaderElectionBody) =>
      apiFetch<LeaderElectionResult>(apiPath`/api/clusters/${cluster}/leader-election`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: topicKeys.detail(cluster, topic) }),
  });
}
