import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AclBindingInput,
  AclChange,
  AclList,
  AclQuery,
  ConsumerAclWizard,
  ProducerAclWizard,
  Quota,
  QuotaEntity,
  QuotaInput,
  QuotaList,
  ScramMechanism,
  ScramUser,
  ScramUserInput,
  ScramUserList,
  StreamsAclWizard,
} from '@tributary/contract';
import { apiFetch, apiPath, queryString } from './client.ts';
import { clusterKeys } from './clusters.ts';

/** Kafka's own security of a cluster: ACLs, SCRAM users and client quotas. */
export const securityKeys = {
  acls: (cluster: string) => [...clusterKeys.detail(cluster), 'acls'] as const,
  aclList: (cluster: string, query: AclQuery) => [...securityKeys.acls(cluster), query] as const,
  users: (cluster: string) => [...clusterKeys.detail(cluster), 'scram-users'] as const,
  quotas: (cluster: string) => [...clusterKeys.detail(cluster), 'quotas'] as const,
};

export function useAcls(cluster: string, query: AclQuery, enabled = true) {
  return useQuery({
    queryKey: securityKeys.aclList(cluster, query),
    queryFn: () => apiFetch<AclList>(apiPath`/api/clusters/${cluster}/acls` + queryString(query)),
    enabled,
    // A cluster without an authorizer answers 409 every time: asking again says nothing new.
    retry: false,
  });
}

export function useCreateAcls(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AclBindingInput | AclBindingInput[]) =>
      apiFetch<AclList>(apiPath`/api/clusters/${cluster}/acls`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.acls(cluster) }),
  });
}

/** DELETE with a filter; `dryRun` lists what would go (the confirmation's preview). */
export function useDeleteAcls(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ filter, dryRun }: { filter: AclQuery; dryRun: boolean }) =>
      apiFetch<AclChange>(apiPath`/api/clusters/${cluster}/acls` + queryString({ ...filter, dryRun }), {
        method: 'DELETE',
      }),
    onSuccess: (change) =>
      change.dryRun ? undefined : client.invalidateQueries({ queryKey: securityKeys.acls(cluster) }),
  });
}

export type WizardKind = 'consumer' | 'producer' | 'streams';
export type WizardInput = ConsumerAclWizard | ProducerAclWizard | StreamsAclWizard;

export function useAclWizard(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: WizardKind; body: WizardInput }) =>
      apiFetch<AclChange>(apiPath`/api/clusters/${cluster}/acls/wizards/${kind}`, {
        method: 'POST',
        json: body,
      }),
    onSuccess: (change) =>
      change.dryRun ? undefined : client.invalidateQueries({ queryKey: securityKeys.acls(cluster) }),
  });
}

export function useScramUsers(cluster: string) {
  return useQuery({
    queryKey: securityKeys.users(cluster),
    queryFn: () => apiFetch<ScramUserList>(apiPath`/api/clusters/${cluster}/users`),
  });
}

export function useSaveScramUser(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScramUserInput) =>
      apiFetch<ScramUser>(apiPath`/api/clusters/${cluster}/users`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.users(cluster) }),
  });
}

export function useDeleteScramUser(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, mechanism }: { name: string; mechanism?: ScramMechanism }) =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/users/${name}` + queryString({ mechanism }), {
        method: 'DELETE',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.users(cluster) }),
  });
}

export function useQuotas(cluster: string) {
  return useQuery({
    queryKey: securityKeys.quotas(cluster),
    queryFn: () => apiFetch<QuotaList>(apiPath`/api/clusters/${cluster}/quotas`),
  });
}

export function usePutQuota(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: QuotaInput) =>
      apiFetch<Quota>(apiPath`/api/clusters/${cluster}/quotas`, { method: 'PUT', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.quotas(cluster) }),
  });
}

export function useDeleteQuota(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entity: QuotaEntity) =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/quotas` + queryString(entity), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.quotas(cluster) }),
  });
}
