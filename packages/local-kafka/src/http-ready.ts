/** Ends a readiness wait early: `failed` with a reason (e.g. the JVM exited), `stopped` quietly. */
export interface ReadyChecks {
  failed?: () => string | undefined;
  stopped?: () => boolean;
}

/**
 * Waits until `GET <url><path>` answers 2xx, polling every `intervalMs`; on the deadline, an error naming
 * `what` and the last answer or failure.
 */
export async function waitForHttp(
  what: string,
  url: string,
  path: string,
  timeoutMs: number,
  checks: ReadyChecks = {},
  intervalMs = 300,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (checks.stopped?.()) return;
    const failure = checks.failed?.();
    if (failure) throw new Error(failure);
    try {
      const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `GET ${path} answered ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${what} at ${url} did not become ready within ${timeoutMs} ms: ${last}`);
}
