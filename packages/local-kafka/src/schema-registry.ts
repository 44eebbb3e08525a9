import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnJava } from './java-process.ts';
import { LaunchedJvm, type LaunchedJvmState } from './launched-jvm.ts';
import { freePort } from './ports.ts';
import { resolveSchemaRegistry } from './schema-registry-build.ts';
import { waitForHttp, type ReadyChecks } from './http-ready.ts';

export interface StartSchemaRegistryOptions {
  /** JVM heap (default `256m`: in-memory storage of a few hundred schemas needs little). */
  heap?: string;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export type SchemaRegistryState = LaunchedJvmState;

/** The Confluent-compatible API under the registry's root. */
export const CCOMPAT_PATH = '/apis/ccompat/v7';

/**
 * A real Schema Registry (Apicurio Registry, in-memory storage: everything is gone at stop) on a free
 * loopback port. The port is chosen before anything slow happens, so `url` is known at once and the start
 * (a build on first use, then a few seconds) can run in the background, like the Connect worker.
 */
export class SchemaRegistry extends LaunchedJvm {
  protected readonly logName = 'registry.log';

  constructor(
    readonly port: number,
    private readonly options: StartSchemaRegistryOptions = {},
  ) {
    super();
  }

  /** The Confluent-compatible API's base URL, as clients (and Tributary's config) take it. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${CCOMPAT_PATH}`;
  }

  protected async run(): Promise<void> {
    const log = this.options.log ?? (() => {});
    const build = await resolveSchemaRegistry(log);
    if (this.isStopped()) return;
    this.workDir = mkdtempSync(join(tmpdir(), 'tributary-schema-registry-'));
    log(`Starting the Schema Registry (Apicurio ${build.version}) at ${this.url} ...`);
    const launchedAt = Date.now();
    const child = spawnJava({
      jar: build.jar,
      args: [],
      heap: this.options.heap ?? '256m',
      logFile: join(this.workDir, 'registry.log'),
      extraJvmFlags: [
        '-Dquarkus.http.host=127.0.0.1',
        `-Dquarkus.http.port=${this.port}`,
        // C1 only, as for Connect: a start with less CPU on a shared machine; a local registry is no hot path.
        '-XX:TieredStopAtLevel=1',
      ],
    });
    this.adopt(child);
    try {
      await waitForSchemaRegistry(this.url, this.options.readyTimeoutMs ?? 120_000, {
        stopped: () => this.isStopped(),
        failed: () => {
          const exit = this.exited();
          return exit ? `The Schema Registry exited (${exit})` : undefined;
        },
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.logTail()}`);
    }
    if (this.isStopped()) return;
    this.startMs = Date.now() - launchedAt;
    log(`The Schema Registry is ready at ${this.url} (${this.startMs} ms)`);
  }
}

/** Waits until `GET <url>/subjects` answers 200; `failed` ends the wait early with a reason. */
export function waitForSchemaRegistry(
  url: string,
  timeoutMs: number,
  checks: ReadyChecks = {},
): Promise<void> {
  return waitForHttp('The Schema Registry', url, '/subjects', timeoutMs, checks, 250);
}

/** A registry with its port chosen, not yet started: call `start()` (in the background if you like). */
export async function createSchemaRegistry(
  options: StartSchemaRegistryOptions = {},
): Promise<SchemaRegistry> {
  return new SchemaRegistry(await freePort(), options);
}

/** Starts a registry and waits until it is ready; stops it again when the start fails. */
export async function startSchemaRegistry(options: StartSchemaRegistryOptions = {}): Promise<SchemaRegistry> {
  const registry = await createSchemaRegistry(options);
  try {
    await registry.start();
    return registry;
  } catch (error) {
    await registry.stop();
    throw error;
  }
}
