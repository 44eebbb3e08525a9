import { useQuery } from '@tanstack/react-query';
import type { AuditList } from '@tributary/contract';
import { apiFetch } from './client.ts';

/** The latest changes made through Tributary (admins only; the server answers 403 to others). */
export function useAudit(limit: number) {
  return useQuery({
    queryKey: ['audit', limit],
    queryFn: () => apiFetch<AuditList>(`/api/audit?limit=${limit}`),
  });
}
