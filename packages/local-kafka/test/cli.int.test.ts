import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli.ts');

/** The CLI as a person runs it: commands typed on stdin, answers read from stdout. */
class Cli {
  output = '';
  exit: number | null | undefined;
  readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
    this.child.stdout.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.on('exit', (code) => (this.exit = code));
  }

  /** Waits for `pattern` in the output after what was there before; returns its match. */
  async waitFor(pattern: RegExp, from = 0, timeout = 90_000): Promise<RegExpExecArray> {
    let match: RegExpExecArray | null = null;
    await expect
      .poll(() => (match = pattern.exec(this.output.slice(from))), { timeout, interval: 100 })
      .not.toBeNull();
    return match!;
  }

  /** Types one command and waits for the answer that matches `answer`. */
  async type(command: string, answer: RegExp): Promise<void> {
    const from = this.output.length;
    this.child.stdin.write(`${command}\n`);
    await this.waitFor(answer, from);
  }
}

function refused(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host!);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

async function brokerIds(address: string): Promise<number[]> {
  const admin = new Kafka({ brokers: [address], logLevel: logLevel.NOTHING, retry: { retries: 3 } }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).brokers.map((b) => b.nodeId);
  } finally {
    await admin.disconnect();
  }
}

let cli: Cli | undefined;
afterAll(() => {
  if (cli?.exit === undefined) cli?.child.kill('SIGKILL');
});

describe('the launcher CLI', () => {
  it('stops, starts and kills a broker on command, and stops everything on Ctrl-C', async () => {
    cli = new Cli(['--brokers', '1']);
    const [, address] = await cli.waitFor(/Kafka is ready: (\S+)/);
    await cli.waitFor(/Commands: stop <id>/);

    await cli.type('stop 1', /Broker 1 stopped; its data is kept/);
    expect(await refused(address!)).toBe(true);
    await cli.type('status', /broker 1 \S+ stopped/);
    await cli.type('start 1', /Broker 1 is running again at 127\.0\.0\.1:\d+/);
    expect(await brokerIds(address!)).toEqual([1]);

    // A crash, then no restart (startBroker after a kill is the same path as after a stop).
    await cli.type('kill 1', /Broker 1 killed \(SIGKILL\)/);
    expect(await refused(address!)).toBe(true);
    await cli.type('status', /broker 1 \S+ stopped/);

    await cli.type('start 2', /There is no broker 2; the brokers are 1\./);
    await cli.type('restart 1', /Not understood: "restart 1"\. Commands:/);

    cli.child.kill('SIGINT');
    await expect.poll(() => cli!.exit, { timeout: 30_000 }).toBe(0);
    expect(await refused(address!)).toBe(true);
  }, 90_000);
});
