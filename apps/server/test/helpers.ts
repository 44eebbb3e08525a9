import { afterAll } from 'vitest';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig, type AppConfig, type ClusterConfig } from '../src/config.ts';

/**
 * An app wired to the shared test broker as cluster `local` (plus any extra clusters), closed after the file.
 * `settings` overrides configuration (say a limit). Requests go through `app.inject`.
 */
export async function buildTestApp(
  extraClusters: ClusterConfig[] = [],
  settings: Partial<Omit<AppConfig, 'clusters'>> = {},
): Promise<App> {
  const config = {
    ...loadConfig({ KAFKA_BROKERS: sharedKafkaBrokers().join(','), LOG_LEVEL: 'silent' }),
    ...settings,
  };
  config.clusters.push(...extraClusters);
  const app = await buildApp(config, { logger: false });
  afterAll(() => app.close());
  return app;
}
