import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnJava, stopProcess } from './java-process.ts';
import { freePort } from './ports.ts';
import { resolveSchemaRegistry } from './schema-registry-build.ts';
import { waitForHttp, type ReadyChecks } from './http-ready.ts';

export interface StartSchemaRegistryOptions {
  /** JVM heap (default `256m`: in-memory storage of a few hundred schemas needs little). */
  heap?: string;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export type SchemaRegistryState = 'starting' | 'running' | 'failed' | 'stopped';

/** The Confluent-compatible API under the registry's root. */
export const CCOMPAT_PATH = '/apis/ccompat/v7';

/**
 * A real Schema Registry (Apicurio Registry, in-memory storage: everything is gone at stop) on a free
 * loopback port. The port is chosen before anything slow happens, so `url` is known at once and the start
 * (a build on first use, then a few seconds) can run in the background, like the Connect worker.
 */
export class SchemaRegistry {
  private process?: ChildProcess;
  private exit?: string;
  private workDir?: string;
  private stateNow: SchemaRegistryState = 'starting';
  private failure?: string;
  private started?: Promise<void>;
  /** Milliseconds from the JVM's launch to the first 200 of `GET /subjects`. */
  startMs?: number;

  constructor(
    readonly port: number,
    private readonly options: StartSchemaRegistryOptions = {},
  ) {}

  /** The Confluent-compatible API's base URL, as clients (and Tributary's config) take it. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${CCOMPAT_PATH}`;
  }

  get state(): SchemaRegistryState {
    return this.stateNow;
  }

  /** Why the start failed (with the log's last lines), when `state` is `failed`. */
  get error(): string | undefined {
    return this.failure;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Builds (first use) and starts the registry, then waits until it lists subjects. Idempotent. */
  start(): Promise<void> {
    this.started ??= this.run().then(
      () => {
        if (this.stateNow === 'starting') this.stateNow = 'running';
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        if (this.stateNow === 'starting') this.stateNow = 'failed';
        throw error;
      },
    );
    return this.started;
  }

  logTail(lines = 40): string {
    if (!this.workDir) return '';
    try {
      return readFileSync(join(this.workDir, 'registry.log'), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** SIGTERM (Quarkus shuts down in well under a second), SIGKILL after 15 s; removes its log. */
  async stop(): Promise<void> {
    if (this.isStopped()) return;
    this.stateNow = 'stopped';
    if (this.process) await stopProcess(this.process);
    this.process = undefined;
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  // A method, not a field check: stop() may run during any await of run().
  private isStopped(): boolean {
    return this.stateNow === 'stopped';
  }

  private async run(): Promise<void> {
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
    this.process = child;
    child.on('exit', (code, signal) => {
      if (this.process === child) this.exit = `code ${code ?? signal}`;
    });
    try {
      await waitForSchemaRegistry(this.url, this.options.readyTimeoutMs ?? 120_000, {
        stopped: () => this.isStopped(),
        failed: () => (this.exit ? `The Schema Registry exited (${this.exit})` : undefined),
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
