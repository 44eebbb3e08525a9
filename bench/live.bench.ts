// Live tail, end to end: kafka-python-ng produces, the real server tails group-less, Chromium renders the Live tab.
// 1. Latency produce → row in the page (a MutationObserver in the page stamps each new row) and, for
//    comparison, produce → WebSocket frame in a plain client, at RATE msg/s (default 1,000) for SECONDS.
// 2. The highest rate at which the tab still shows every message: rising steps until rows go missing.
// Run: npx pnpm@10.34.9 exec tsx bench/live.bench.ts   (RATE=1000 SECONDS=10 TABS=3 STEPS=1500,2000,3000,5000)
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { LiveEvent } from '@tributary/contract';
import { startLiveBench } from './live-setup.ts';

const RATE = Number(process.env.RATE ?? 1000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const STEPS = (process.env.STEPS ?? '1500,2000,3000,5000,10000,20000').split(',').map(Number);
const TABS = Number(process.env.TABS ?? 3);
const PARTITIONS = 3;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// Runs in the page: every message drawn in the list, stamped when the DOM first shows it (phase → seqs,
// latencies). The list's rows are keyed by place, so a new message arrives as new text in a row already
// there (or as a new row): each row touched is read once per batch of mutations, each message counted once.
const OBSERVE_ROWS = `(() => {
  window.seen = {};
  window.lat = {};
  const first = new Set();
  const group = document.querySelector('[aria-label="Live message rows"]');
  new MutationObserver((mutations) => {
    const now = Date.now();
    const rows = new Set();
    for (const m of mutations) {
      const at = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const row = at && at.closest('[role="row"]');
      if (row) rows.add(row);
      for (const node of m.addedNodes) if (node.nodeType === 1 && node.matches('[role="row"], div:has(> [role="row"])')) rows.add(node);
    }
    for (const row of rows) {
      const match = /B(\\d+)-(\\d+)-(\\d+)\\./.exec(row.textContent || '');
      if (!match || first.has(match[0])) continue;
      first.add(match[0]);
      (window.seen[match[1]] ??= []).push(Number(match[2]));
      (window.lat[match[1]] ??= []).push(now - Number(match[3]));
    }
  }).observe(group, { childList: true, subtree: true, characterData: true });
})()`;
const seenIn = async (page: Page, phase: number) =>
  new Set((await page.evaluate(`window.seen['${phase}'] ?? []`)) as number[]).size;

/** What the tab says it has received (its stats bar), all phases together. */
async function receivedIn(page: Page): Promise<number> {
  const text = await page.getByRole('status', { name: 'Live tail statistics' }).textContent();
  return Number(/Received\s*([\d,]+)/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? NaN);
}

/**
 * Messages the tab received in a phase once they stop coming (every one, or none new for 1.5 s). Received
 * means in the tab's list, not skipped by the server; while it follows the stream the tab draws only the
 * newest rows, so messages drawn (first shown in a row: the latency samples) can be fewer at high rates.
 */
async function settled(page: Page, before: number, count: number): Promise<number> {
  let [got, last, still] = [0, -1, 0];
  while (got < count && still < 3) {
    await new Promise((r) => setTimeout(r, 500));
    got = (await receivedIn(page)) - before;
    [still, last] = [got === last ? still + 1 : 0, got];
  }
  return got;
}

/** CPU seconds used so far by every process, summed by command name (Linux /proc; 100 ticks a second). */
function cpuByCommand(): Map<string, number> {
  const used = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime
      used.set(name, (used.get(name) ?? 0) + seconds);
    } catch {
      // gone meanwhile
    }
  }
  return used;
}

/** Who used the CPU between two readings: the heaviest commands, in CPU seconds per second. */
function cpuShares(from: Map<string, number>, to: Map<string, number>, seconds: number): string {
  return [...to]
    .map(([name, s]) => [name, (s - (from.get(name) ?? 0)) / seconds] as const)
    .filter(([, share]) => share >= 0.02)
    .sort((a, b) => b[1] - a[1])
    .map(([name, share]) => `${name} ${share.toFixed(2)}`)
    .join(', ');
}

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN, n: s.length };
}
function percentiles(samples: number[]) {
  const q = quantiles(samples);
  return `p50 ${q.p50} ms, p95 ${q.p95} ms, p99 ${q.p99} ms, max ${q.max} ms (n=${q.n})`;
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
import { WebSocket } from './ws-client.ts';
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
  const fromBroker: number[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as LiveEvent;
    if (event.type !== 'messages') return;
    const now = Date.now();
    for (const message of event.messages) {
      const match = /B0-\d+-(\d+)\./.exec(message.value?.text ?? '');
      if (!match) continue;
      latency.push(now - Number(match[1]));
      fromBroker.push(now - message.timestamp);
    }
    socket.send(JSON.stringify({ type: 'ack', count: event.messages.length }));
  });
  await new Promise<void>((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'start', from: { mode: 'now' } }));
  return { socket, latency, fromBroker };
}

// The broker stamps each record as it appends it: the latency splits into producer → broker
// (kafka-python-ng) and broker → socket (Tributary).
const { broker, base, browser, topic, page, stop } = await startLiveBench({
  topicPrefix: 'live-bench',
  partitions: PARTITIONS,
  topicConfigs: { 'message.timestamp.type': 'LogAppendTime' },
});
try {
  await page.evaluate(OBSERVE_ROWS);
  // The tab's main-thread time (script, style, layout) during the timed phase, from the DevTools protocol.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');
  const mainThread = async () => {
    const { metrics } = await devtools.send('Performance.getMetrics');
    const pick = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      task: pick('TaskDuration'),
      script: pick('ScriptDuration'),
      style: pick('RecalcStyleDuration'),
      layout: pick('LayoutDuration'),
    };
  };

  // More tabs without a browser (TABS of them, default 3): the same stream at the WebSocket, each its
  // own tail on the server, to see that tails do not slow each other down.
  const url = `${base.replace('http', 'ws')}/api/clusters/local/topics/${topic}/live`;
  const sockets = await Promise.all(Array.from({ length: TABS }, () => openSocketTab(url)));
  await new Promise((r) => setTimeout(r, 1000));

  const before = await mainThread();
  const cpuBefore = cpuByCommand();
  const phaseStarted = performance.now();
  // The server runs in this process: how late its event loop ran (a busy loop delays every tail).
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  if (process.env.TRACE) await browser.startTracing(page, { path: process.env.TRACE });
  if (process.env.PROFILE) {
    await devtools.send('Profiler.enable');
    await devtools.send('Profiler.start');
  }
  const sent = await produce(broker, topic, 0, RATE, SECONDS);
  const shownAtRate = await settled(page, 0, sent);
  const drawnAtRate = await seenIn(page, 0);
  const after = await mainThread();
  const cpu = cpuShares(cpuBefore, cpuByCommand(), (performance.now() - phaseStarted) / 1000);
  loopDelay.disable();
  if (process.env.TRACE) await browser.stopTracing();
  if (process.env.PROFILE) {
    const { profile } = await devtools.send('Profiler.stop');
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  const busy = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [
      k,
      Math.round(((v - before[k as keyof typeof before]) * 1000) / SECONDS),
    ]),
  );
  const pageLatency = (await page.evaluate(`window.lat['0'] ?? []`)) as number[];
  // The machine is shared: the load says how much of the CPU this run had.
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `latency at ${RATE} msg/s for ${SECONDS} s (${sent} messages, ${PARTITIONS} partitions, kafka-python-ng producing, ${TABS} socket tabs + 1 browser tab, load ${load} on ${cpus().length} cores):`,
  );
  console.log(`  produce → row in the page (Chromium, first shown in a row): ${percentiles(pageLatency)}`);
  for (const [i, tab] of sockets.entries())
    console.log(
      `  produce → WebSocket client ${i + 1} (ws, no rendering): ${percentiles(tab.latency)}; of which broker append → client ${percentiles(tab.fromBroker)}`,
    );
  console.log(`  received in the tab: ${shownAtRate} of ${sent} (${drawnAtRate} drawn as rows)`);
  console.log(`  CPU used meanwhile, in cores (the machine has ${cpus().length}): ${cpu}`);
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  console.log(
    `  the server's event loop (this process) ran late by p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms`,
  );
  console.log(
    `  the tab's main thread, ms per second of tailing: ${busy.task} busy (script ${busy.script}, style ${busy.style}, layout ${busy.layout})`,
  );
  for (const tab of sockets) tab.socket.close();

  const steps: { rate: number; produced: number; shown: number; drawn: number; p99: number }[] = [];
  let best = 0;
  for (const [i, rate] of STEPS.entries()) {
    const phase = i + 1;
    const before = await receivedIn(page);
    const count = await produce(broker, topic, phase, rate, 5);
    const seen = await settled(page, before, count);
    const drawn = await seenIn(page, phase);
    const statsText = await page.getByRole('status', { name: 'Live tail statistics' }).textContent();
    const skipped = /\(([\d,]+) in all\)/.exec(statsText ?? '')?.[1] ?? '?';
    const latency = (await page.evaluate(`window.lat['${phase}'] ?? []`)) as number[];
    console.log(
      `rate ${rate} msg/s for 5 s: produced ${count}, received in the tab ${seen} (${((seen / count) * 100).toFixed(1)} %, ${drawn} drawn as rows), skipped in all so far ${skipped}; ${percentiles(latency)}`,
    );
    steps.push({ rate, produced: count, shown: seen, drawn, p99: quantiles(latency).p99 });
    if (seen < count) break;
    best = rate;
  }
  console.log(
    `highest rate with every message shown in the tab: ${best ? `${best} msg/s` : `below ${STEPS[0]} msg/s`}`,
  );
  await page.screenshot({ path: join(ROOT, '.cache/live-bench.png') });
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const result = {
    at: new Date().toISOString(),
    load1: Number(load),
    cores: cpus().length,
    atRate: {
      rate: RATE,
      seconds: SECONDS,
      produced: sent,
      shownInPage: shownAtRate,
      drawnAsRows: drawnAtRate,
    },
    pageLatencyMs: quantiles(pageLatency),
    tabMainThreadMsPerS: busy,
    cpuCores: cpu,
    serverEventLoopDelayMs: {
      p50: Number(ms(loopDelay.percentile(50))),
      p99: Number(ms(loopDelay.percentile(99))),
      max: Number(ms(loopDelay.max)),
    },
    socketLatencyMs: sockets.map((tab) => quantiles(tab.latency)),
    steps,
    highestRateAllShown: best,
  };
  writeFileSync(join(ROOT, 'bench', 'results', 'live.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('written to bench/results/live.json');
} finally {
  await stop();
}
