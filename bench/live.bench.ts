// Live tail, end to end: kafka-python-ng produces, the real server tails group-less, Chromium renders the Live tab.
// 1. Latency produce → row in the page (a MutationObserver in the page stamps each new row) and, for
//    comparison, produce → WebSocket frame in a plain client, at RATE msg/s (default 1,000) for SECONDS.
// 2. The highest rate at which the tab still shows every message: rising steps until rows go missing.
// Run: npx pnpm@10.34.9 exec tsx bench/live.bench.ts   (RATE=1000 SECONDS=10 TABS=3 STEPS=1500,2000,3000,5000)
import { spawn } from 'node:child_process';
import { cpus, homedir, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startKafka } from '@tributary/local-kafka';
import type { LiveEvent } from '@tributary/contract';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';

const RATE = Number(process.env.RATE ?? 1000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const STEPS = (process.env.STEPS ?? '1500,2000,3000,5000,10000,20000').split(',').map(Number);
const TABS = Number(process.env.TABS ?? 3);
const PARTITIONS = 3;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// `ws` is the server's dev dependency (Node 20 has no WebSocket client of its own).
interface WsClient {
  on(event: 'message', listener: (data: Buffer) => void): void;
  once(event: 'open', listener: () => void): void;
  send(text: string): void;
  close(): void;
}
const { WebSocket } = createRequire(join(ROOT, 'apps/server/package.json'))('ws') as {
  WebSocket: new (url: string) => WsClient;
};

// Runs in the page: every row added to the list, stamped when the DOM has it (phase → seqs, latencies).
const OBSERVE_ROWS = `(() => {
  window.seen = {};
  window.lat = {};
  const group = document.querySelector('[aria-label="Live message rows"]');
  new MutationObserver((mutations) => {
    const now = Date.now();
    for (const m of mutations)
      for (const node of m.addedNodes) {
        const match = /B(\\d+)-(\\d+)-(\\d+)\\./.exec(node.textContent || '');
        if (!match) continue;
        (window.seen[match[1]] ??= []).push(Number(match[2]));
        (window.lat[match[1]] ??= []).push(now - Number(match[3]));
      }
  }).observe(group, { childList: true });
})()`;
const seenIn = async (page: Page, phase: number) =>
  new Set((await page.evaluate(`window.seen['${phase}'] ?? []`)) as number[]).size;

/** Rows of a phase once they stop coming (every one, or no new row for 1.5 s). */
async function settled(page: Page, phase: number, count: number): Promise<number> {
  let [seen, last, still] = [0, -1, 0];
  while (seen < count && still < 3) {
    await new Promise((r) => setTimeout(r, 500));
    seen = await seenIn(page, phase);
    [still, last] = [seen === last ? still + 1 : 0, seen];
  }
  return seen;
}

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${s.at(-1)} ms (n=${s.length})`;
}

// kafka-python-ng in its own process (kcat buffers stdin, which adds seconds at low rates): values
// `B<phase>-<seq>-<sentAtMs>.` spread over the partitions, paced to `rate` msg/s in 5 ms ticks.
const PRODUCER = `
import sys, time
from kafka import KafkaProducer
broker, topic, phase, rate, seconds, partitions = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
p = KafkaProducer(bootstrap_servers=broker, linger_ms=0, acks=1)
p.partitions_for(topic)
seq, start = 0, time.time()
while time.time() - start < seconds:
    due = int((time.time() - start) * rate)
    while seq < due:
        p.send(topic, value=('B%s-%d-%d.' % (phase, seq, int(time.time() * 1000))).encode(), partition=seq % partitions)
        seq += 1
    time.sleep(0.005)
p.flush()
print(seq)
`;
const PYTHON = process.env.TRIBUTARY_PYTHON ?? join(homedir(), '.cache/tributary/python/bin/python');

function produce(
  broker: string,
  topic: string,
  phase: number,
  rate: number,
  seconds: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [
      '-c',
      PRODUCER,
      broker,
      topic,
      String(phase),
      String(rate),
      String(seconds),
      String(PARTITIONS),
    ];
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(Number(out.trim())) : reject(new Error(`producer exited ${code}`)),
    );
  });
}

async function openSocketTab(url: string) {
  const socket = new WebSocket(url);
  const latency: number[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as LiveEvent;
    if (event.type !== 'messages') return;
    for (const message of event.messages) {
      const match = /B0-\d+-(\d+)\./.exec(message.value?.text ?? '');
      if (match) latency.push(Date.now() - Number(match[1]));
    }
    socket.send(JSON.stringify({ type: 'ack', count: event.messages.length }));
  });
  await new Promise<void>((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'start', from: { mode: 'now' } }));
  return { socket, latency };
}

const kafka = await startKafka({ heap: '768m' });
const broker = kafka.bootstrapServers[0]!;
const config = loadConfig({ KAFKA_BROKERS: broker, LOG_LEVEL: 'warn' });
config.webDist = join(ROOT, 'apps/web/dist');
const app = await buildApp(config, { logger: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const topic = `live-bench-${Date.now()}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/clusters/local/topics',
    payload: { name: topic, partitions: PARTITIONS },
  });
  if (created.statusCode >= 300) throw new Error(`create topic: ${created.body}`);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/clusters/local/topics/${topic}/live`);
  await page.getByRole('button', { name: 'Start' }).click();
  await page
    .getByRole('status', { name: 'Live tail statistics' })
    .getByText('Live', { exact: true })
    .waitFor();
  await page.evaluate(OBSERVE_ROWS);

  // More tabs without a browser (TABS of them, default 3): the same stream at the WebSocket, each its
  // own tail on the server, to see that tails do not slow each other down.
  const url = `${base.replace('http', 'ws')}/api/clusters/local/topics/${topic}/live`;
  const sockets = await Promise.all(Array.from({ length: TABS }, () => openSocketTab(url)));
  await new Promise((r) => setTimeout(r, 1000));

  const sent = await produce(broker, topic, 0, RATE, SECONDS);
  const shownAtRate = await settled(page, 0, sent);
  const pageLatency = (await page.evaluate(`window.lat['0'] ?? []`)) as number[];
  // The machine is shared: the load says how much of the CPU this run had.
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `latency at ${RATE} msg/s for ${SECONDS} s (${sent} messages, ${PARTITIONS} partitions, kafka-python-ng producing, ${TABS} socket tabs + 1 browser tab, load ${load} on ${cpus().length} cores):`,
  );
  console.log(`  produce → row in the page (Chromium, DOM insertion): ${percentiles(pageLatency)}`);
  for (const [i, tab] of sockets.entries())
    console.log(`  produce → WebSocket client ${i + 1} (ws, no rendering): ${percentiles(tab.latency)}`);
  console.log(`  rows shown in the tab: ${shownAtRate} of ${sent}`);
  for (const tab of sockets) tab.socket.close();

  let best = 0;
  for (const [i, rate] of STEPS.entries()) {
    const phase = i + 1;
    const count = await produce(broker, topic, phase, rate, 5);
    const seen = await settled(page, phase, count);
    const statsText = await page.getByRole('status', { name: 'Live tail statistics' }).textContent();
    const skipped = /\(([\d,]+) in all\)/.exec(statsText ?? '')?.[1] ?? '?';
    const latency = (await page.evaluate(`window.lat['${phase}'] ?? []`)) as number[];
    console.log(
      `rate ${rate} msg/s for 5 s: produced ${count}, rows shown ${seen} (${((seen / count) * 100).toFixed(1)} %), skipped in all so far ${skipped}; ${percentiles(latency)}`,
    );
    if (seen < count) break;
    best = rate;
  }
  console.log(
    `highest rate with every message shown in the tab: ${best ? `${best} msg/s` : `below ${STEPS[0]} msg/s`}`,
  );
  await page.screenshot({ path: join(ROOT, '.cache/live-bench.png') });
} finally {
  await browser.close();
  await app.close();
  await kafka.stop();
}
