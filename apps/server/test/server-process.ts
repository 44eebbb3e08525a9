// The real server as a child process (`node --import tsx apps/server/src/main.ts`), for fault tests: an
// uncaught exception ends that process, which the test sees as an exit, instead of killing Vitest's worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export class ServerProcess {
  /** Everything the process wrote to stdout and stderr. */
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  url = '';

  private constructor(private readonly child: ChildProcess) {
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code, signal) => (this.exit = { code, signal }));
  }

  /** Starts the server on a free port against `brokers` and waits for its "running" line. */
  static async start(brokers: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        KAFKA_BROKERS: brokers.join(','),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        TRIBUTARY_WEB_DIST: join(ROOT, 'no-web-build'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child);
    const deadline = Date.now() + 60_000;
    while (!server.url) {
      const running = /Tributary is running: (http:\/\/\S+)/.exec(server.output);
      if (running) server.url = running[1]!;
      else if (server.exit || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`The server did not start:\n${server.output}`);
      } else await new Promise((r) => setTimeout(r, 50));
    }
    return server;
  }

  /** Resident memory of the server process in MiB (Linux /proc), to check it stays flat under faults. */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (!kib) throw new Error(`No VmRSS line for process ${this.child.pid}`);
    return Number(kib) / 1024;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** Why it is not alive, with its last words (the uncaught exception's stack). */
  describeExit(): string {
    return `server exited (${JSON.stringify(this.exit)}):\n${this.output.slice(-4000)}`;
  }

  /** GET a path: its status, or 0 when the request failed or took longer than `timeoutMs`. */
  async status(path: string, timeoutMs = 15_000): Promise<number> {
    return (await this.answer(path, timeoutMs)).status;
  }

  /** GET a path: its status and the start of its body (or why the request failed), for a test's message. */
  async answer(path: string, timeoutMs = 15_000): Promise<{ status: number; said: string }> {
    try {
      const res = await fetch(this.url + path, { signal: AbortSignal.timeout(timeoutMs) });
      return { status: res.status, said: (await res.text()).slice(0, 300) };
    } catch (err) {
      return { status: 0, said: String(err) };
    }
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Asks for `paths` every `intervalMs` without waiting for earlier answers (a loop of users clicking on),
 * counting statuses per path until stopped.
 */
export class PageLoad {
  readonly statuses = new Map<string, number[]>();
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly server: ServerProcess,
    private readonly paths: string[],
    private readonly intervalMs = 500,
  ) {}

  start(): this {
    const round = () => {
      for (const path of this.paths) {
        const p = this.server.status(path, 30_000).then((status) => {
          const list = this.statuses.get(path) ?? [];
          list.push(status);
          this.statuses.set(path, list);
        });
        this.pending.add(p);
        void p.finally(() => this.pending.delete(p));
      }
    };
    round();
    this.timer = setInterval(round, this.intervalMs);
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.pending);
  }

  /** Requests answered so far, by status, over every path: e.g. `{200: 40, 503: 12}`. */
  summary(): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const list of this.statuses.values()) for (const s of list) counts[s] = (counts[s] ?? 0) + 1;
    return counts;
  }
}

/**
 * Polls until every path answers 200 in the same round; the seconds that took (from `since`).
 * Each round waits for its answers, so a hanging page counts against the deadline.
 */
export async function secondsUntilAllAnswer(
  server: ServerProcess,
  paths: string[],
  since: number,
  deadlineMs: number,
): Promise<{ seconds: number; last: Record<string, number> }> {
  let last: Record<string, number> = {};
  let failing: Record<string, string> = {};
  while (Date.now() - since < deadlineMs) {
    if (!server.alive) throw new Error(server.describeExit());
    const answers = await Promise.all(paths.map((p) => server.answer(p, 10_000)));
    last = Object.fromEntries(paths.map((p, i) => [p, answers[i]!.status]));
    if (answers.every((a) => a.status === 200)) return { seconds: (Date.now() - since) / 1000, last };
    // What the failing pages said, so a failure shows its cause and not only its status.
    failing = Object.fromEntries(
      paths.flatMap((p, i) => (answers[i]!.status === 200 ? [] : [[p, answers[i]!.said]])),
    );
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Not every page answered 200 within ${deadlineMs / 1000} s: last round ${JSON.stringify(last)}, ` +
      `the failing pages said ${JSON.stringify(failing)}`,
  );
}
