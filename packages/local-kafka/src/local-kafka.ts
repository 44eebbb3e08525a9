import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnJava, stopProcess } from './java-process.ts';
import { resolveKafkaJars, type KafkaClasspath } from './jars.ts';
import { freePort } from './ports.ts';
import { checkJava } from './prerequisites.ts';
import {
  LOG4J2_PROPERTIES,
  nodeProperties,
  SUPER_USER,
  type NodePorts,
  type SaslOptions,
  type SaslUser,
} from './properties.ts';
import { waitUntilServing } from './ready.ts';
import { makeCertificates, type TlsClient } from './tls.ts';
import { exec } from './exec.ts';
import { LocalKafkaError } from './errors.ts';
import { markOwner, removeLeftovers, WORK_DIR_PREFIX } from './leftovers.ts';

export interface StartKafkaOptions {
  /** 1 (default) or 3 combined broker+controller nodes. */
  brokers?: number;
  /** Adds a SASL_PLAINTEXT listener with PLAIN and SCRAM-SHA-256 users. `true` uses the default users. */
  sasl?: boolean | SaslOptions;
  /**
   * Authorizes every request on the SASL listener (StandardAuthorizer, nothing allowed without an ACL) and
   * adds SCRAM-SHA-512; implies `sasl`, and adds the super user `SUPER_USER` (PLAIN and SCRAM) to its users.
   */
  authorizer?: boolean;
  /** Adds an SSL listener requiring a client certificate; certificates made with keytool (see tls.ts). */
  tls?: boolean;
  /** JVM heap per node, e.g. `512m`. */
  heap?: string;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export const DEFAULT_SASL_USERS: SaslOptions = {
  plain: [{ username: 'alice', password: 'alice-secret' }],
  scram: [{ username: 'bob', password: 'bob-secret' }],
};

interface RunningNode {
  ports: NodePorts;
  configFile: string;
  logFile: string;
  process?: ChildProcess;
  exit?: string;
}

/** A running local Kafka cluster. */
export class LocalKafka {
  private stopped = false;

  constructor(
    readonly jars: KafkaClasspath,
    readonly clusterId: string,
    private readonly workDir: string,
    private readonly nodes: RunningNode[],
    readonly sasl: SaslOptions | undefined,
    /** The CA, client certificate and key (PEM) for the SSL listener; undefined without TLS. */
    readonly tls: TlsClient | undefined,
    private readonly heap: string | undefined,
    private readonly readyTimeoutMs: number,
    /** Whether the SASL listener authorizes requests (`authorizer: true`). */
    readonly authorizer = false,
  ) {}

  /** The super user of an authorizing cluster (PLAIN and SCRAM-SHA-256/512); undefined without one. */
  get superUser(): SaslUser | undefined {
    return this.authorizer ? SUPER_USER : undefined;
  }

  /** `host:port` of each broker's PLAINTEXT listener. */
  get bootstrapServers(): string[] {
    return this.nodes.map((n) => `127.0.0.1:${n.ports.client}`);
  }

  /** `host:port` of each broker's SASL_PLAINTEXT listener (empty without SASL). */
  get saslBootstrapServers(): string[] {
    return this.nodes.flatMap((n) => (n.ports.sasl ? [`127.0.0.1:${n.ports.sasl}`] : []));
  }

  /** `host:port` of each broker's SSL listener (empty without TLS). */
  get tlsBootstrapServers(): string[] {
    return this.nodes.flatMap((n) => (n.ports.tls ? [`127.0.0.1:${n.ports.tls}`] : []));
  }

  get nodeIds(): number[] {
    return this.nodes.map((n) => n.ports.id);
  }

  get log4jConfig(): string {
    return join(this.workDir, 'log4j2.properties');
  }

  /** The last lines a node logged, for error messages. */
  logTail(nodeId: number, lines = 30): string {
    const node = this.node(nodeId);
    try {
      return readFileSync(node.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Stops one broker (for fault tests); its data stays so it can be started again. */
  async stopBroker(nodeId: number): Promise<void> {
    const node = this.node(nodeId);
    if (node.process) await stopProcess(node.process);
    node.process = undefined;
    node.exit = undefined; // down on purpose (or killed by a test, then stopped): not a failure to report
  }

  /** The broker's process id while it runs (the JVM: `setpriv` execs it), for fault tests and the CLI. */
  brokerPid(nodeId: number): number | undefined {
    return this.node(nodeId).process?.pid;
  }

  /**
   * Sends a signal to one broker: SIGSTOP/SIGCONT stall and resume it, SIGKILL crashes it (no shutdown, so
   * the controller fences it only after its session times out); `startBroker` starts a killed one again.
   */
  signalBroker(nodeId: number, signal: 'SIGSTOP' | 'SIGCONT' | 'SIGKILL'): void {
    const pid = this.brokerPid(nodeId);
    if (pid === undefined) throw new Error(`Kafka node ${nodeId} is not running`);
    process.kill(pid, signal);
  }

  /** Kills one broker (SIGKILL: a crash, no shutdown) and waits until its process is gone. */
  async killBroker(nodeId: number): Promise<void> {
    const child = this.node(nodeId).process;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** `host:port` of one broker's PLAINTEXT listener. */
  brokerAddress(nodeId: number): string {
    return `127.0.0.1:${this.node(nodeId).ports.client}`;
  }

  /** Starts a broker stopped by `stopBroker` or `killBroker` again and waits until the cluster lists it. */
  async startBroker(nodeId: number): Promise<void> {
    const node = this.node(nodeId);
    if (node.process) return;
    this.launch(node);
    // Asked through the restarted broker itself: a killed one is still listed until the controller fences it.
    await this.waitReady([nodeId]);
  }

  /** Waits until metadata (from `via`, default: every running node) lists every running node. */
  async waitReady(via?: number[]): Promise<void> {
    const running = this.nodes.filter((n) => n.process);
    const asked = running.filter((n) => !via || via.includes(n.ports.id));
    await waitUntilServing({
      brokers: asked.map((n) => `127.0.0.1:${n.ports.client}`),
      expectedBrokers: running.length,
      timeoutMs: this.readyTimeoutMs,
      failed: () => {
        // Only a node that dies while we wait fails the wait (others may be down on purpose).
        const dead = running.find((n) => n.exit);
        return dead
          ? `Kafka node ${dead.ports.id} exited (${dead.exit}):\n${this.logTail(dead.ports.id)}`
          : undefined;
      },
    });
  }

  /** Stops every node (SIGTERM, then SIGKILL after a grace period) and removes the data directory. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((n) => (n.process ? stopProcess(n.process) : undefined)));
    rmSync(this.workDir, { recursive: true, force: true });
  }

  launch(node: RunningNode): void {
    node.exit = undefined;
    const child = spawnJava({
      classpath: this.jars.classpath,
      mainClass: 'kafka.Kafka',
      args: [node.configFile],
      log4jConfig: this.log4jConfig,
      logFile: node.logFile,
      ...(this.heap ? { heap: this.heap } : {}),
    });
    node.process = child;
    child.on('exit', (code, signal) => {
      if (node.process === child) {
        node.exit = `code ${code ?? signal}`;
        node.process = undefined;
      }
    });
  }

  private node(nodeId: number): RunningNode {
    const node = this.nodes.find((n) => n.ports.id === nodeId);
    if (!node) throw new Error(`No node ${nodeId}; nodes are ${this.nodeIds.join(', ')}`);
    return node;
  }
}

/** Resolves the jars, formats fresh storage on free ports, starts the node(s) and waits until they serve. */
export async function startKafka(options: StartKafkaOptions = {}): Promise<LocalKafka> {
  const log = options.log ?? (() => {});
  const brokerCount = options.brokers ?? 1;
  const authorizer = options.authorizer ?? false;
  const sasl = saslOf(authorizer && !options.sasl ? true : options.sasl, authorizer);
  await checkJava();
  const jars = await resolveKafkaJars(log);
  const leftovers = removeLeftovers();
  if (leftovers.length)
    log(
      `Removed ${leftovers.length} data director${leftovers.length === 1 ? 'y' : 'ies'} of local Kafkas that ended without stopping.`,
    );
  const workDir = mkdtempSync(join(tmpdir(), WORK_DIR_PREFIX));
  markOwner(workDir);
  writeFileSync(join(workDir, 'log4j2.properties'), LOG4J2_PROPERTIES);

  const ports: NodePorts[] = [];
  for (let id = 1; id <= brokerCount; id++) {
    ports.push({
      id,
      client: await freePort(),
      controller: await freePort(),
      ...(sasl ? { sasl: await freePort() } : {}),
      ...(options.tls ? { tls: await freePort() } : {}),
    });
  }
  const certificates = options.tls ? await makeCertificates(workDir) : undefined;
  const clusterId = clusterIdOf(randomBytes(16));
  const nodes: RunningNode[] = ports.map((p) => {
    const dir = join(workDir, `node-${p.id}`);
    mkdirSync(dir, { recursive: true });
    const configFile = join(dir, 'server.properties');
    writeFileSync(
      configFile,
      nodeProperties(p, ports, join(dir, 'data'), sasl, certificates?.files, authorizer),
    );
    return { ports: p, configFile, logFile: join(dir, 'kafka.log') };
  });
  const kafka = new LocalKafka(
    jars,
    clusterId,
    workDir,
    nodes,
    sasl,
    certificates?.client,
    options.heap,
    options.readyTimeoutMs ?? 90_000,
    authorizer,
  );
  try {
    const mechanisms = authorizer ? ['SCRAM-SHA-256', 'SCRAM-SHA-512'] : ['SCRAM-SHA-256'];
    await Promise.all(
      nodes.map((n) => formatStorage(kafka, n.configFile, clusterId, sasl?.scram ?? [], mechanisms)),
    );
    log(`Starting Apache Kafka ${jars.version} (${brokerCount} node${brokerCount > 1 ? 's' : ''}) ...`);
    for (const node of nodes) kafka.launch(node);
    await kafka.waitReady();
    return kafka;
  } catch (error) {
    await kafka.stop();
    throw error;
  }
}

/**
 * Kafka cluster ids are 16 bytes in URL-safe base64 without padding (what `kafka-storage random-uuid` prints).
 * Like Kafka's Uuid.randomUuid, never start with "-": the storage tool would read `-t -abc` as an option.
 * Clearing the first byte's top bit keeps the first character within A-Z, a-f.
 */
export function clusterIdOf(bytes: Buffer): string {
  const copy = Buffer.from(bytes);
  copy[0] = (copy[0] ?? 0) & 0x7f;
  return copy.toString('base64url');
}

/** The SASL users: the given ones, and with an authorizer the super user beside them (PLAIN and SCRAM). */
function saslOf(option: boolean | SaslOptions | undefined, authorizer: boolean): SaslOptions | undefined {
  const users = option === true ? DEFAULT_SASL_USERS : option || undefined;
  if (!users || !authorizer) return users;
  const missing = (list: SaslUser[]) => !list.some((u) => u.username === SUPER_USER.username);
  return {
    plain: [...users.plain, ...(missing(users.plain) ? [SUPER_USER] : [])],
    scram: [...users.scram, ...(missing(users.scram) ? [SUPER_USER] : [])],
  };
}

async function formatStorage(
  kafka: LocalKafka,
  configFile: string,
  clusterId: string,
  scram: SaslUser[],
  mechanisms: string[],
) {
  const args = [
    '-Xmx256m',
    `-Dlog4j2.configurationFile=${kafka.log4jConfig}`,
    '-cp',
    kafka.jars.classpath,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    configFile,
  ];
  for (const user of scram)
    for (const mechanism of mechanisms)
      args.push('--add-scram', `${mechanism}=[name=${user.username},password=${user.password}]`);
  const result = await exec('java', args);
  if (result.code !== 0) {
    throw new LocalKafkaError(`Formatting Kafka storage failed:\n${(result.stdout + result.stderr).trim()}`);
  }
}
