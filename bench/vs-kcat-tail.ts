// The tail part of the side-by-side bench: a paced kcat producer writes stamped lines, and a kcat consumer
// (`kcat -C -o end`, group-less like ours) and our live WebSocket receive the same messages; each stamps
// their arrival. Latency = arrival - the moment the line was written to the producer.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { WebSocket } from './ws-client.ts';

export interface TailLatency {
  p50: number;
  p99: number;
  max: number;
  received: number;
}
export interface TailSideBySide {
  rate: number;
  seconds: number;
  produced: number;
  kcat: TailLatency;
  tributary: TailLatency;
  /** kcat's p99 over ours: above 1, ours arrives sooner. */
  ratioP99: number;
  /** The server's highest RSS while tailing (sampled every 50 ms), with the load average at the end. */
  serverPeakMb: number;
  loadAverage: number[];
}

const STAMP = /^T(\d+)-(\d+)\.$/;

function latency(samples: number[]): TailLatency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN, received: s.length };
}

/**
 * Tails a fresh 3-partition topic with kcat and with the server at `port`, `rate` msg/s for `seconds`;
 * `serverRssMb` reads the server process's RSS.
 */
export async function tailSideBySide(
  broker: string,
  port: number,
  serverRssMb: () => number,
  rate = 1000,
  seconds = 10,
): Promise<TailSideBySide> {
  const topic = `vs-kcat-tail-${Date.now()}`;
  const base = `127.0.0.1:${port}/api/clusters/local/topics`;
  const created = await fetch(`http://${base}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: topic, partitions: 3 }),
  });
  if (!created.ok) throw new Error(`create ${topic}: ${await created.text()}`);

  const theirs: number[] = [];
  const consumer = spawn('kcat', ['-C', '-b', broker, '-t', topic, '-o', 'end', '-u', '-q', '-f', '%s\n']);
  createInterface({ input: consumer.stdout }).on('line', (line) => {
    const match = STAMP.exec(line);
    if (match) theirs.push(Date.now() - Number(match[2]));
  });

  const ours: number[] = [];
  const socket = new WebSocket(`ws://${base}/${topic}/live`);
  const subscribed = new Promise<void>((resolve) =>
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as {
        type: string;
        messages?: { value: { text: string } | null }[];
      };
      if (event.type === 'subscribed') resolve();
      if (event.type !== 'messages' || !event.messages) return;
      const now = Date.now();
      for (const m of event.messages) {
        const match = STAMP.exec(m.value?.text ?? '');
        if (match) ours.push(now - Number(match[2]));
      }
      socket.send(JSON.stringify({ type: 'ack', count: event.messages.length }));
    }),
  );
  await new Promise<void>((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'start', from: { mode: 'now' } }));
  await subscribed;
  await new Promise((resolve) => setTimeout(resolve, 2000)); // kcat has found the log ends too

  // No batching delay on the producer: each line leaves as it is written.
  const producer = spawn('kcat', ['-P', '-b', broker, '-t', topic, '-X', 'linger.ms=0'], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  let produced = 0;
  let serverPeakMb = serverRssMb();
  const sampler = setInterval(() => (serverPeakMb = Math.max(serverPeakMb, serverRssMb())), 50);
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    let lines = '';
    for (; produced < due; produced++) lines += `T${produced}-${Date.now()}.\n`;
    if (lines) producer.stdin.write(lines);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  producer.stdin.end();
  await new Promise((resolve) => producer.once('exit', resolve));
  for (let waited = 0; waited < 10_000 && (theirs.length < produced || ours.length < produced); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  clearInterval(sampler);
  consumer.kill();
  socket.close();
  const [kcat, tributary] = [latency(theirs), latency(ours)];
  return {
    rate,
    seconds,
    produced,
    kcat,
    tributary,
    ratioP99: Number((kcat.p99 / tributary.p99).toFixed(2)),
    serverPeakMb: Math.round(serverPeakMb),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}
