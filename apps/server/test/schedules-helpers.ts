import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import type { AppConfig } from '../src/config.ts';

const run = promisify(execFile);

/** Schedules topics and group of their own per test file, so no other test's server runs our schedules. */
export function ownScheduleTopics(prefix: string): AppConfig['schedules'] {
  const name = uniqueName(prefix);
  return {
    topic: `__tributary_schedules-${name}`,
    runsTopic: `__tributary_schedule_runs-${name}`,
    group: `tributary-schedules-${name}`,
    partitions: 3,
    runsRetentionMs: 3_600_000,
    discoverMs: 500,
  };
}

/** The values in `topic`, read to its end by kcat (a real client, no group). */
export async function kcatValues(topic: string, brokers = sharedKafkaBrokers()): Promise<string[]> {
  const { stdout } = await run(
    'kcat',
    ['-b', brokers.join(','), '-C', '-t', topic, '-e', '-q', '-f', '%s\n'],
    {
      timeout: 30_000,
    },
  );
  return stdout.split('\n').filter((line) => line !== '');
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
