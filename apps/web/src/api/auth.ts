import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthProviders, LoginBody, Me, Role } from '@tributary/contract';
import { apiFetch } from './client.ts';

export const authKeys = { me: ['auth', 'me'] as const };

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: () => apiFetch<Me>('/api/auth/me'), retry: false });
}

/** How people log in here (password, single sign-on), asked before anyone has. */
export function useAuthProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => apiFetch<AuthProviders>('/api/auth/providers'),
    staleTime: Infinity,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiFetch<Me>('/api/auth/login', { method: 'POST', json: body }),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSuccess: () => client.clear(),
  });
}

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/**
 * Whether the logged-in user's role on `cluster` allows an action needing `role`, and if not why (for a
 * disabled button's title). Topic and group patterns may narrow it further: the server has the last word.
 */
export function useAllowed(cluster: string, role: Role): { allowed: boolean; why?: string } {
  const { data } = useMe();
  if (!data || data.auth === 'none') return { allowed: true };
  const mine = data.clusters.find((c) => c.name === cluster)?.role;
  if (mine && RANK[mine] >= RANK[role]) return { allowed: true };
  return {
    allowed: false,
    why: `Needs the ${role} role on ${cluster}; ${data.username} is ${mine ? `a ${mine}` : 'not permitted'} there.`,
  };
}
