/**
 * Waits until a Connect worker's REST API lists connectors: it then has joined its group and read its
 * config topic. `failed` ends the wait early with a reason (e.g. the JVM exited); `stopped` quietly.
 */
export async function waitForConnect(
  url: string,
  timeoutMs: number,
  checks: { failed?: () => string | undefined; stopped?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (checks.stopped?.()) return;
    const failure = checks.failed?.();
    if (failure) throw new Error(failure);
    try {
      const response = await fetch(`${url}/connectors`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `GET /connectors answered ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Kafka Connect at ${url} did not become ready within ${timeoutMs} ms: ${last}`);
}
