import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RequestReplyBody,
  RequestReplyResult,
  Responder,
  ResponderInput,
  ResponderList,
} from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { clusterKeys } from './clusters.ts';

export const responderKeys = {
  list: (cluster: string) => [...clusterKeys.detail(cluster), 'responders'] as const,
};

export function useSendRequest(cluster: string, topic: string) {
  return useMutation({
    mutationFn: (body: RequestReplyBody) =>
      apiFetch<RequestReplyResult>(apiPath`/api/clusters/${cluster}/topics/${topic}/request`, {
        method: 'POST',
        json: body,
      }),
  });
}

export function useResponders(cluster: string) {
  return useQuery({
    queryKey: responderKeys.list(cluster),
    queryFn: () => apiFetch<ResponderList>(apiPath`/api/clusters/${cluster}/responders`),
    refetchInterval: 3000,
  });
}

export function useStartResponder(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResponderInput) =>
      apiFetch<Responder>(apiPath`/api/clusters/${cluster}/responders`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: responderKeys.list(cluster) }),
  });
}

export function useStopResponder(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/responders/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: responderKeys.list(cluster) }),
  });
}
