import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompatibilityCheck,
  CompatibilityLevel,
  DeletedVersions,
  RegisteredSchema,
  RegisterSchemaBody,
  SchemaVersion,
  SubjectDetail,
  SubjectList,
  SubjectListQuery,
} from '@tributary/contract';
import { apiFetch, apiPath, queryString } from './client.ts';
import { clusterKeys } from './clusters.ts';

/** Schema keys nest under the cluster; a subject's detail and versions under its name. */
export const schemaKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'schemas'] as const,
  list: (cluster: string, query: SubjectListQuery) => [...schemaKeys.all(cluster), 'list', query] as const,
  subject: (cluster: string, subject: string) => [...schemaKeys.all(cluster), 'subject', subject] as const,
  version: (cluster: string, subject: string, version: string) =>
    [...schemaKeys.subject(cluster, subject), 'version', version] as const,
};

const subjectPath = (cluster: string, subject: string) =>
  apiPath`/api/clusters/${cluster}/schemas/${subject}`;

/** Retries while the local registry is starting (503), so the page fills in by itself. */
const untilStarted = (count: number, error: Error) =>
  count < 30 && (error as { status?: number }).status === 503;

export function useSubjects(cluster: string, query: SubjectListQuery) {
  return useQuery({
    queryKey: schemaKeys.list(cluster, query),
    queryFn: () => apiFetch<SubjectList>(apiPath`/api/clusters/${cluster}/schemas` + queryString(query)),
    placeholderData: keepPreviousData,
    retry: untilStarted,
    retryDelay: 2_000,
  });
}

export function useSubject(cluster: string, subject: string) {
  return useQuery({
    queryKey: schemaKeys.subject(cluster, subject),
    queryFn: () => apiFetch<SubjectDetail>(subjectPath(cluster, subject)),
    retry: untilStarted,
    retryDelay: 2_000,
  });
}

export function useSchemaVersion(cluster: string, subject: string, version: string) {
  return useQuery({
    queryKey: schemaKeys.version(cluster, subject, version),
    queryFn: () =>
      apiFetch<SchemaVersion>(apiPath`/api/clusters/${cluster}/schemas/${subject}/versions/${version}`),
    enabled: version !== '',
  });
}

export function useRegisterSchema(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, body }: { subject: string; body: RegisterSchemaBody }) =>
      apiFetch<RegisteredSchema>(subjectPath(cluster, subject), { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: schemaKeys.all(cluster) }),
  });
}

export function useCheckSchema(cluster: string) {
  return useMutation({
    mutationFn: ({ subject, body }: { subject: string; body: RegisterSchemaBody }) =>
      apiFetch<CompatibilityCheck>(subjectPath(cluster, subject) + '/check', { method: 'POST', json: body }),
  });
}

export function useSetCompatibility(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, compatibility }: { subject: string; compatibility: CompatibilityLevel }) =>
      apiFetch<{ compatibility: CompatibilityLevel }>(subjectPath(cluster, subject) + '/compatibility', {
        method: 'PUT',
        json: { compatibility },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: schemaKeys.all(cluster) }),
  });
}

/**
 * Deletes a subject, or one version (`version` set). `permanent` does what Confluent's API asks for: a soft
 * delete first, then the hard one.
 */
export function useDeleteSchema(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      subject,
      version,
      permanent,
    }: {
      subject: string;
      version?: number;
      permanent: boolean;
    }) => {
      const path = subjectPath(cluster, subject) + (version === undefined ? '' : `/versions/${version}`);
      const soft = await apiFetch<DeletedVersions>(path, { method: 'DELETE' });
      return permanent ? apiFetch<DeletedVersions>(`${path}?permanent=true`, { method: 'DELETE' }) : soft;
    },
    // Marked stale, not refetched: the open subject page would fetch a subject that is gone, and its 404
    // would replace the dialog before it could finish. The page refetches what is still there.
    onSuccess: () => client.invalidateQueries({ queryKey: schemaKeys.all(cluster), refetchType: 'none' }),
  });
}
