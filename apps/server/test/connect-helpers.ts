import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { defaultConnectPluginPath } from '@tributary/local-kafka';
import { sharedConnect, sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import type { ConnectorConfig, ConnectorDetail, ConnectorState } from '@tributary/contract';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig, type ConnectConfig } from '../src/config.ts';

/**
 * An app on the shared broker whose cluster `local` has the shared Connect worker as Connect cluster
 * `local` (plus any extra Connect clusters), configured through kafka-ui's environment names.
 */
export async function buildConnectApp(extra: ConnectConfig[] = [], connectTimeoutMs?: number): Promise<App> {
  const url = await sharedConnect();
  const env: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: sharedKafkaBrokers().join(','),
    LOG_LEVEL: 'silent',
    KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: 'local',
    KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: url,
  };
  extra.forEach((c, i) => {
    env[`KAFKA_CLUSTERS_0_KAFKACONNECT_${i + 1}_NAME`] = c.name;
    env[`KAFKA_CLUSTERS_0_KAFKACONNECT_${i + 1}_ADDRESS`] = c.url;
  });
  const config = loadConfig(env);
  // As npm start does for its own worker: the plugin folder is known and named in "not installed" answers.
  const local = config.clusters[0]?.connect?.[0];
  if (local) local.pluginPath = defaultConnectPluginPath();
  if (connectTimeoutMs) config.connectRequestTimeoutMs = connectTimeoutMs;
  const app = await buildApp(config, { logger: false });
  afterAll(() => app.close());
  return app;
}

/** A scratch directory for connector files, removed after the test file. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-connect-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const connectorUrl = (name: string, rest = '') =>
  `/api/clusters/local/connects/local/connectors/${encodeURIComponent(name)}${rest}`;

/** Creates a connector through the API (201 expected) and removes it after the file. */
export async function createConnector(app: App, prefix: string, config: ConnectorConfig): Promise<string> {
  const name = uniqueName(prefix);
  const res = await app.inject({
    method: 'POST',
    url: '/api/clusters/local/connects/local/connectors',
    payload: { name, config },
  });
  expect(res.statusCode, res.body).toBe(201);
  afterAll(() => app.inject({ method: 'DELETE', url: connectorUrl(name) }).then(() => undefined));
  return name;
}

export async function detail(app: App, name: string): Promise<ConnectorDetail> {
  const res = await app.inject({ url: connectorUrl(name) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ConnectorDetail>();
}

export async function action(app: App, name: string, act: string, query = ''): Promise<void> {
  const res = await app.inject({ method: 'POST', url: connectorUrl(name, `/actions/${act}${query}`) });
  expect(res.statusCode, res.body).toBe(200);
}

/** Polls until `check` returns a value (not undefined), or fails naming what it waited for. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Waits until the connector and all its tasks (at least one) are in `state`. */
export function waitForState(app: App, name: string, state: ConnectorState): Promise<ConnectorDetail> {
  return waitFor(`connector ${name} and its tasks to be ${state}`, async () => {
    const d = await detail(app, name);
    return d.state === state && d.tasks.length > 0 && d.tasks.every((t) => t.state === state) ? d : undefined;
  });
}

function kcat(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'kcat',
      ['-b', sharedKafkaBrokers().join(','), ...args],
      { maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`kcat: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(input ?? '');
  });
}

/** Every value in the topic, from the beginning, as kcat prints them (one per line). */
export async function kcatValues(topic: string): Promise<string[]> {
  const out = await kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
  return out.split('\n').slice(0, -1);
}

export function kcatProduce(topic: string, values: string[]): Promise<string> {
  return kcat(['-P', '-t', topic], values.join('\n') + '\n');
}
