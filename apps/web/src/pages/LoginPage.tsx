import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuthProviders, useLogin } from '../api/auth.ts';
import { ErrorBanner } from '../components/ui/Alert.tsx';

/** Only a path of this app is a place to go back to (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/';
}

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const providers = useAuthProviders().data;
  // The single sign-on comes back here with the reason when it failed.
  const ssoError = params.get('error');
  const next = safeNext(params.get('next'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };
  return (
    <main className="flex min-h-screen items-center justify-center bg-bg">
      <form
        onSubmit={submit}
        className="w-80 space-y-3 rounded bg-surface text-fg p-6 shadow"
        aria-label="Log in"
      >
        <h1 className="text-lg font-semibold">Log in to Tributary</h1>
        {login.error ? <ErrorBanner error={login.error} /> : null}
        {ssoError && !login.error ? <ErrorBanner error={new Error(ssoError)} /> : null}
        {providers?.sso ? (
          <a
            href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(next)}`}
            className="block w-full rounded border border-line-strong px-3 py-1.5 text-center text-sm"
          >
            Log in with {providers.sso.label}
          </a>
        ) : null}
        <label className="block text-sm">
          User name
          <input
            className="mt-1 block w-full rounded border border-line-strong bg-surface px-2 py-1"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="block text-sm">
          Password
          <input
            type="password"
            className="mt-1 block w-full rounded border border-line-strong bg-surface px-2 py-1"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button
          type="submit"
          disabled={login.isPending}
          className="w-full rounded bg-accent-bg px-3 py-1.5 text-sm text-on-accent disabled:opacity-50"
        >
          Log in
        </button>
      </form>
    </main>
  );
}
