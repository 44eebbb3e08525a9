import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Template, TemplateInput, TemplateList } from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { clusterKeys } from './clusters.ts';

const templateKeys = (cluster: string) => [...clusterKeys.detail(cluster), 'templates'] as const;

/** The cluster's saved messages (kept in a Kafka topic by the server). */
export function useTemplates(cluster: string) {
  return useQuery({
    queryKey: templateKeys(cluster),
    queryFn: () => apiFetch<TemplateList>(apiPath`/api/clusters/${cluster}/templates`),
  });
}

export function useSaveTemplate(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput) =>
      apiFetch<Template>(apiPath`/api/clusters/${cluster}/templates`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys(cluster) }),
  });
}

export function useDeleteTemplate(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/templates/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys(cluster) }),
  });
}
