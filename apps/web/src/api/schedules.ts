import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schedule, ScheduleInput, ScheduleList, ScheduleRun, ScheduleRuns } from '@tributary/contract';
import { apiFetch, apiPath } from './client.ts';
import { clusterKeys } from './clusters.ts';

export const scheduleKeys = {
  list: (cluster: string) => [...clusterKeys.detail(cluster), 'schedules'] as const,
  runs: (cluster: string, id: string) => [...scheduleKeys.list(cluster), id, 'runs'] as const,
};

/** Schedules with their counters and next runs; refreshed often, runs come in as they happen. */
export function useSchedules(cluster: string) {
  return useQuery({
    queryKey: scheduleKeys.list(cluster),
    queryFn: () => apiFetch<ScheduleList>(apiPath`/api/clusters/${cluster}/schedules`),
    refetchInterval: 2000,
  });
}

export function useScheduleRuns(cluster: string, id: string | undefined) {
  return useQuery({
    queryKey: scheduleKeys.runs(cluster, id ?? ''),
    queryFn: () =>
      apiFetch<ScheduleRuns>(apiPath`/api/clusters/${cluster}/schedules/${id ?? ''}/runs?limit=50`),
    enabled: id !== undefined,
    refetchInterval: 2000,
  });
}

export function useCreateSchedule(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) =>
      apiFetch<Schedule>(apiPath`/api/clusters/${cluster}/schedules`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.list(cluster) }),
  });
}

export type ScheduleAction = 'pause' | 'resume' | 'run-now';

export function useScheduleAction(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: ScheduleAction }) =>
      apiFetch<Schedule | ScheduleRun>(apiPath`/api/clusters/${cluster}/schedules/${id}/actions/${action}`, {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.list(cluster) }),
  });
}

export function useDeleteSchedule(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(apiPath`/api/clusters/${cluster}/schedules/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.list(cluster) }),
  });
}
