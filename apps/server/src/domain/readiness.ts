import type { Readiness } from '@tributary/contract';
import { DomainError } from './errors.ts';

/** What readiness needs of a cluster: its name and one round trip that proves it answers. */
export interface ReadinessProbe {
  name: string;
  brokerCount(): Promise<number>;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Ready when every configured cluster answers within `deadlineMs` (asked at once, in parallel); otherwise a
 * KAFKA_UNAVAILABLE (503) whose sentence names each cluster that did not and why, for a load balancer's log.
 */
type Answered = Readiness['clusters'][number];
type Answer = Answered | { name: string; error: string };

export async function readiness(clusters: ReadinessProbe[], deadlineMs: number): Promise<Readiness> {
  const results = await Promise.all(
    clusters.map(async (cluster): Promise<Answer> => {
      const started = Date.now();
      try {
        const brokers = await within(cluster.brokerCount(), deadlineMs);
        return { name: cluster.name, brokers, ms: Date.now() - started };
      } catch (error) {
        return { name: cluster.name, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const failed = results.filter((r) => 'error' in r);
  const answered = results.filter((r): r is Answered => !('error' in r));
  if (failed.length > 0)
    throw new DomainError(
      'KAFKA_UNAVAILABLE',
      `Not ready: ${failed.map((f) => `cluster "${f.name}" did not answer (${f.error})`).join('; ')}.`,
    );
  return { status: 'ready', clusters: answered };
}
