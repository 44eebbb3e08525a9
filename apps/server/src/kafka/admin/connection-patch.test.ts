// Pins patches/@platformatic__kafka@1.35.0.patch: @platformatic/kafka's Connection after a request timed out.
// The peer is a TCP server speaking Kafka's framing (size, correlation id) that holds its answers until the
// test releases them, as a stalled broker does on SIGCONT; broker-stall.int.test.ts covers the real thing.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, Writer } from '@platformatic/kafka';

/**
 * Reads requests `[size][apiKey][apiVersion][correlationId][clientId][value:int32]` and answers each with
 * `[size][correlationId][value]`: at once, or, while `holding`, all together when released.
 */
class Peer {
  holding = true;
  received = 0;
  private held: Buffer[] = [];
  private socket: Socket | undefined;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((socket) => {
      this.socket = socket;
      let buffer = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        while (buffer.length >= 4 && buffer.length >= 4 + buffer.readInt32BE(0)) {
          const frame = buffer.subarray(4, 4 + buffer.readInt32BE(0));
          buffer = buffer.subarray(4 + frame.length);
          const answer = Buffer.alloc(12);
          answer.writeInt32BE(8, 0);
          answer.writeInt32BE(frame.readInt32BE(4), 4);
          answer.writeInt32BE(frame.readInt32BE(10 + frame.readInt16BE(8)), 8);
          this.received++;
          if (this.holding) this.held.push(answer);
          else socket.write(answer);
        }
      });
      socket.on('error', () => {});
    });
  }

  static async start(): Promise<Peer> {
    const peer = new Peer();
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
    return peer;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Sends every held answer in one write, then answers at once. */
  release(): void {
    this.holding = false;
    this.socket?.write(Buffer.concat(this.held.splice(0)));
  }

  close(): Promise<void> {
    this.socket?.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Outcome {
  calls: number;
  error?: Error | null;
  value?: number;
}

/** Sends one request carrying `value`; the outcome records every time its callback runs. */
function send(connection: Connection, value: number): Outcome {
  const outcome: Outcome = { calls: 0 };
  connection.send(
    18,
    0,
    () => Writer.create().appendInt32(value),
    (_correlationId, _apiKey, _apiVersion, reader) => reader.readInt32(),
    false,
    false,
    (error, result) => {
      outcome.calls++;
      outcome.error = error;
      outcome.value = result;
    },
  );
  return outcome;
}

const until = async (check: () => boolean) => {
  await expect.poll(check, { timeout: 5000, interval: 10 }).toBe(true);
};

let peer: Peer | undefined;
let connection: Connection | undefined;

afterEach(async () => {
  await connection?.close().catch(() => {});
  await peer?.close();
});

describe('@platformatic/kafka Connection, patched', () => {
  it('skips the late answer to a timed-out request and gives the next request its own answer', async () => {
    peer = await Peer.start();
    connection = new Connection('test', { requestTimeout: 200 });
    await connection.connect('127.0.0.1', peer.port);
    const late = send(connection, 1);
    await until(() => late.calls === 1);
    expect(late.error?.message).toBe('Request timed out');

    const next = send(connection, 2);
    await until(() => peer!.received === 2);
    peer.release(); // the late answer and the next one in one chunk: the reader must step over the late one
    await until(() => next.calls === 1);
    expect(next).toEqual({ calls: 1, error: null, value: 2 });
    expect(late.calls).toBe(1);
    expect(connection.isConnected()).toBe(true);
  });

  it('survives a stall under steady requests: each callback runs once, and the connection goes on', async () => {
    // Unpatched, the late answers misaligned the reader, the socket was destroyed, and its close ran the
    // timed-out requests' queue callbacks a second time: fastq then ran a recycled task and threw
    // "TypeError: op is not a function" from a socket event, which ends the process.
    peer = await Peer.start();
    connection = new Connection('test', { requestTimeout: 200 });
    await connection.connect('127.0.0.1', peer.port);
    const outcomes: Outcome[] = [];
    const timer = setInterval(() => {
      for (let i = 0; i < 3; i++) outcomes.push(send(connection!, outcomes.length));
    }, 20);
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      peer.release();
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      clearInterval(timer);
    }
    await until(() => outcomes.every((o) => o.calls > 0));
    await new Promise((resolve) => setTimeout(resolve, 300)); // any timer left would fire by now
    expect(outcomes.filter((o) => o.calls !== 1)).toEqual([]);
    const timedOut = outcomes.filter((o) => o.error);
    expect(timedOut.length).toBeGreaterThan(0);
    for (const o of timedOut) expect(o.error?.message).toBe('Request timed out');
    const answered = outcomes.filter((o) => !o.error);
    expect(answered.length).toBeGreaterThan(0);
    for (const o of answered) expect(o.value).toBe(outcomes.indexOf(o));
    expect(connection.isConnected()).toBe(true);
  });

  it('leaves failures to the callbacks: an error event nobody else listens to does not throw', async () => {
    peer = await Peer.start();
    connection = new Connection('test');
    await connection.connect('127.0.0.1', peer.port);
    expect(() => connection!.emit('error', new Error('late socket error'))).not.toThrow();
  });
});
