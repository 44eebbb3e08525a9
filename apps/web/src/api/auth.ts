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
 * Whether the logged-in user's role on `cluster` reaches `role` (always, when nobody logs in; never until known). The web app
 * hides what it does not; topic and group patterns may narrow it further: the server has the last word.
 */
export function useMay(cluster: string): (role: Role) => boolean {
  const { data } = useMe();
  const mine = data?.clusters.find((c) => c.name === cluster)?.role;
  // Hidden until known: a viewer never sees an action flash by.
  return (role) =>
    data !== undefined && (data.auth === 'none' || (mine !== undefined && RANK[mine] >= RANK[role]));
}

/** The user and their role on `cluster` when it is less than admin (what is hidden, and why), else undefined. */
export function useLesserRole(cluster: string): { username: string; role: Role | undefined } | undefined {
  const { data } = useMe();
  if (!data || data.auth === 'none') return undefined;
  const role = data.clusters.find((c) => c.name === cluster)?.role;
  return role === 'admin' ? undefined : { username: data.username, role };
}
