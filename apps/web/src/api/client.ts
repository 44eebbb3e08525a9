import type { ErrorBody, FieldErrors } from '@tributary/contract';

/** An API answer that was not 2xx, carrying the server's sentence for the person. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Per-field reasons when the server refused named fields (e.g. a connector config). */
    readonly fields: FieldErrors[] = [],
  ) {
    super(message);
  }
}

/** Encodes each path segment, so topic names with dots or odd characters are safe in URLs. */
export function apiPath(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  return strings.reduce(
    (path, part, i) => path + part + (i < segments.length ? encodeURIComponent(String(segments[i])) : ''),
    '',
  );
}

/** `?a=1&b=x` from the set fields of a query (undefined, null and '' are left out); '' when none is set. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The one fetch wrapper: JSON in and out, `{code, message}` errors turned into ApiError. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  // Not logged in (or the session ended): to the login page, then back here.
  if (response.status === 401 && !path.startsWith('/api/auth/') && window.location.pathname !== '/login') {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
  if (!response.ok) {
    let body: Partial<ErrorBody> = {};
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(
      response.status,
      body.code ?? 'HTTP_' + response.status,
      body.message ?? response.statusText,
      body.fields ?? [],
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
