// A live-tail client for the integration tests: a real WebSocket (the `ws` package) against a listening app.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { WebSocket } from 'ws';
import { vi, expect } from 'vitest';
import type { LiveCommand, LiveEvent, LiveEventOf, Message } from '@tributary/contract';

export class LiveClient {
  readonly events: LiveEvent[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(
    readonly socket: WebSocket,
    private readonly autoAck: boolean,
  ) {
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as LiveEvent;
      this.events.push(event);
      if (event.type === 'messages' && this.autoAck) this.send({ type: 'ack', count: event.messages.length });
    });
    socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(baseUrl: string, topic: string, { autoAck = true, cluster = 'local' } = {}) {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/live`;
    const socket = new WebSocket(url);
    const client = new LiveClient(socket, autoAck);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(command: LiveCommand): void {
    this.socket.send(JSON.stringify(command));
  }

  /** Sends `start` and waits for its answer: a new `subscribed`, or a new `error` (earlier ones do not count). */
  async start(command: Omit<Extract<LiveCommand, { type: 'start' }>, 'type'>) {
    const [subscribed, errors] = [this.of('subscribed').length, this.of('error').length];
    this.send({ type: 'start', ...command });
    await this.until(() => this.of('subscribed').length > subscribed || this.of('error').length > errors);
    return this.of('subscribed').at(-1);
  }

  of<T extends LiveEvent['type']>(type: T): LiveEventOf<T>[] {
    return this.events.filter((e): e is LiveEventOf<T> => e.type === type);
  }

  messages(): Message[] {
    return this.of('messages').flatMap((e) => e.messages);
  }

  values(): string[] {
    return this.messages().map((m) => m.value?.text ?? '');
  }

  /** Waits for `check`; a timeout says what the socket did receive (a flaky run then explains itself). */
  async until(check: () => boolean, timeout = 20_000): Promise<void> {
    await vi.waitFor(() => expect(check(), this.received()).toBe(true), { timeout, interval: 25 });
  }

  /** The events so far in a line: counts per type, every error in full, and the close. */
  received(): string {
    const counts = new Map<string, number>();
    for (const e of this.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const errors = this.of('error').map((e) => `${e.code}${e.fatal ? ' (fatal)' : ''}: ${e.message}`);
    const closed = this.closed ? `; closed ${this.closed.code} ${this.closed.reason}` : '';
    return `received ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ') || 'nothing'}${closed}; errors: ${JSON.stringify(errors)}`;
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close();
    await closed;
  }
}

/** Produces lines to one partition with kcat, a client we did not write. */
export function kcatProduce(
  bootstrap: string,
  topic: string,
  partition: number,
  lines: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-P', '-b', bootstrap, '-t', topic, '-p', String(partition)], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`kcat exited ${code}: ${stderr}`)),
    );
    child.stdin.end(lines.join('\n') + '\n');
  });
}

/** Established TCP connections of this process (client and server ends), read from /proc like `ss -tnp`. */
export function openTcpSockets(): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  let established = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '01' && cols[9] && inodes.has(cols[9])) established++;
    }
  }
  return established;
}
