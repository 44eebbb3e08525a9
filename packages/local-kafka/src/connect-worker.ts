import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConnectJars } from './connect-jars.ts';
import { cacheRoot } from './jars.ts';
import { spawnJava } from './java-process.ts';
import { LaunchedJvm, type LaunchedJvmState } from './launched-jvm.ts';
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

export type ConnectWorkerState = LaunchedJvmState;

/** The default plugin folder, beside the cached jars. */
export function defaultConnectPluginPath(): string {
  return join(cacheRoot(), 'connect-plugins');
}

/**
 * A real Kafka Connect worker in distributed mode (`ConnectDistributed`). Its REST port is chosen before
 * anything slow happens, so `url` is known at once and the start can run in the background.
 */
export class ConnectWorker extends LaunchedJvm {
  protected readonly logName = 'connect.log';

  constructor(
    readonly restPort: number,
    readonly pluginPath: string,
    private readonly options: StartConnectOptions,
  ) {
    super();
  }

  get url(): string {
    return `http://127.0.0.1:${this.restPort}`;
  }

  /** The resident memory of the worker's JVM (Linux), for the notes on its footprint. */
  rssBytes(): number | undefined {
    if (!this.pid) return undefined;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  protected async run(): Promise<void> {
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
    this.adopt(child);
    try {
      await waitForConnect(this.url, this.options.readyTimeoutMs ?? 120_000, {
        stopped: () => this.isStopped(),
        failed: () => {
          const exit = this.exited();
          return exit ? `Kafka Connect exited (${exit})` : undefined;
        },
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
