import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConnectJars } from './connect-jars.ts';
import { cacheRoot } from './jars.ts';
import { spawnJava, stopProcess } from './java-process.ts';
import { freePort } from './ports.ts';
import { waitForConnect } from './connect-ready.ts';
import { checkJava } from './prerequisites.ts';
import {
  CONNECT_GROUP_ID,
  CONNECT_LOG4J2_PROPERTIES,
  connectWorkerProperties,
} from './connect-properties.ts';

export interface StartConnectOptions {
  bootstrapServers: string[];
  /** Replication of the config, offset and status topics; defaults to the broker count, at most 3. */
  replicationFactor?: number;
  /** The Connect cluster's group.id; its config/offset/status topics are named after it. */
  groupId?: string;
  /** Where users drop other connectors' jars; defaults to `~/.cache/tributary/connect-plugins`. */
  pluginPath?: string;
  /** JVM heap, e.g. `256m` (the default: a worker running a few file connectors needs little). */
  heap?: string;
  /** Extra or overriding worker properties (connect-distributed.properties). */
  workerProperties?: Record<string, string | number>;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export type ConnectWorkerState = 'starting' | 'running' | 'failed' | 'stopped';

/** The default plugin folder, beside the cached jars. */
export function defaultConnectPluginPath(): string {
  return join(cacheRoot(), 'connect-plugins');
}

/**
 * A real Kafka Connect worker in distributed mode (`ConnectDistributed`). Its REST port is chosen before
 * anything slow happens, so `url` is known at once and the start can run in the background.
 */
export class ConnectWorker {
  private process?: ChildProcess;
  private exit?: string;
  private workDir?: string;
  private stateNow: ConnectWorkerState = 'starting';
  private failure?: string;
  private started?: Promise<void>;
  /** Milliseconds from `start()` to the first answer of `GET /connectors` (jars already cached). */
  startMs?: number;

  constructor(
    readonly restPort: number,
    readonly pluginPath: string,
    private readonly options: StartConnectOptions,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.restPort}`;
  }

  get state(): ConnectWorkerState {
    return this.stateNow;
  }

  /** Why the start failed (with the worker log's last lines), when `state` is `failed`. */
  get error(): string | undefined {
    return this.failure;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Resolves the jars, starts the JVM and waits until the REST API lists connectors. Idempotent. */
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

  /** The resident memory of the worker's JVM (Linux), for the notes on its footprint. */
  rssBytes(): number | undefined {
    if (!this.process?.pid) return undefined;
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  logTail(lines = 40): string {
    if (!this.workDir) return '';
    try {
      return readFileSync(join(this.workDir, 'connect.log'), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** SIGTERM (Connect's shutdown hook leaves the group cleanly), SIGKILL after 15 s; removes its files. */
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
    const began = Date.now();
    const log = this.options.log ?? (() => {});
    await checkJava();
    const jars = await resolveConnectJars(log);
    if (this.isStopped()) return;
    mkdirSync(this.pluginPath, { recursive: true });
    this.workDir = mkdtempSync(join(tmpdir(), 'tributary-connect-'));
    const config = join(this.workDir, 'connect-distributed.properties');
    writeFileSync(join(this.workDir, 'log4j2.properties'), CONNECT_LOG4J2_PROPERTIES);
    writeFileSync(
      config,
      connectWorkerProperties({
        bootstrapServers: this.options.bootstrapServers,
        restPort: this.restPort,
        groupId: this.options.groupId ?? CONNECT_GROUP_ID,
        pluginPath: this.pluginPath,
        replicationFactor:
          this.options.replicationFactor ?? Math.min(this.options.bootstrapServers.length, 3),
        pluginDiscovery: discoveryFor(this.pluginPath),
        extra: this.options.workerProperties ?? {},
      }),
    );
    log(`Starting Kafka Connect ${jars.version} (REST ${this.url}, plugins in ${this.pluginPath}) ...`);
    const launchedAt = Date.now();
    const child = spawnJava({
      classpath: jars.classpath,
      mainClass: 'org.apache.kafka.connect.cli.ConnectDistributed',
      args: [config],
      heap: this.options.heap ?? '256m',
      log4jConfig: join(this.workDir, 'log4j2.properties'),
      logFile: join(this.workDir, 'connect.log'),
      // C1 only: about half the start's CPU time (measured 5.0 s vs 9.3 s); a local worker moving a few
      // files' lines never needs C2's peak speed.
      extraJvmFlags: ['-XX:TieredStopAtLevel=1'],
    });
    this.process = child;
    child.on('exit', (code, signal) => {
      if (this.process === child) this.exit = `code ${code ?? signal}`;
    });
    try {
      await waitForConnect(this.url, this.options.readyTimeoutMs ?? 120_000, {
        stopped: () => this.isStopped(),
        failed: () => (this.exit ? `Kafka Connect exited (${this.exit})` : undefined),
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.logTail()}`);
    }
    if (this.isStopped()) return;
    this.startMs = Date.now() - launchedAt;
    log(`Kafka Connect is ready at ${this.url} (${Date.now() - began} ms)`);
  }
}

/**
 * `service_load` finds plugins through their ServiceLoader manifests (Kafka's own have them) and starts
 * the worker with 2.8 s of CPU and 150 MB resident instead of 5.0 s and 340 MB (reflection scanning). A connector dropped into the
 * plugin folder may predate those manifests (KIP-898), so a non-empty folder gets the scanning mode.
 */
function discoveryFor(pluginPath: string): 'service_load' | 'hybrid_warn' {
  return readdirSync(pluginPath).some((f) => !f.startsWith('.')) ? 'hybrid_warn' : 'service_load';
}

/** A worker with its port chosen, not yet started: call `start()` (in the background if you like). */
export async function createConnectWorker(options: StartConnectOptions): Promise<ConnectWorker> {
  return new ConnectWorker(await freePort(), options.pluginPath ?? defaultConnectPluginPath(), options);
}

/** Starts a Connect worker and waits until it is ready; stops it again when the start fails. */
export async function startConnectWorker(options: StartConnectOptions): Promise<ConnectWorker> {
  const worker = await createConnectWorker(options);
  try {
    await worker.start();
    return worker;
  } catch (error) {
    await worker.stop();
    throw error;
  }
}
