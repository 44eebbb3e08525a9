import { waitForHttp, type ReadyChecks } from './http-ready.ts';

/**
 * Waits until a Connect worker's REST API lists connectors: it then has joined its group and read its
 * config topic. `failed` ends the wait early with a reason (e.g. the JVM exited); `stopped` quietly.
 */
export function waitForConnect(url: string, timeoutMs: number, checks: ReadyChecks = {}): Promise<void> {
  return waitForHttp('Kafka Connect', url, '/connectors', timeoutMs, checks);
}
