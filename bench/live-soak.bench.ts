// Live tail soak (opt-in, not in `npm run bench`): MINUTES (default 10) at RATE msg/s (default 10,000) with
// the Live tab open in Chromium, to see that memory stays flat (issue 11: server and tab at the end within
// 10 % of minute 1). kcat produces (paced by a small Python loop; cheaper than a Python Kafka client at this
// rate); the server runs in this process (as in live.bench.ts), so its RSS includes this bench's Playwright
// client. Every SAMPLE_S seconds: the server's RSS, V8 heap and ArrayBuffers, and the tab's JS heap
// (DevTools Performance.getMetrics), DOM nodes and its renderer's RSS. Minute 1 and the last minute are compared
// by their medians, with their ranges (a heap is sampled anywhere on the garbage collector's sawtooth, so the
// heaps and DOM node counts swing widely; RSS is the figure to judge).
// Run: LIVE_SOAK=1 npx pnpm@10.34.9 exec tsx bench/live-soak.bench.ts   (MINUTES=10 RATE=10000 SAMPLE_S=10)
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLiveBench } from './live-setup.ts';

const MINUTES = Number(process.env.MINUTES ?? 10);
const RATE = Number(process.env.RATE ?? 10_000);
const SAMPLE_S = Number(process.env.SAMPLE_S ?? 10);
const PARTITIONS = 3;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1 << 20;

if (!process.env.LIVE_SOAK && !process.env.MINUTES) {
  // `npm run bench` runs every *.bench.ts: this one takes MINUTES and two cores, so it asks to be named.
  console.log('live-soak: skipped (opt-in: LIVE_SOAK=1 or MINUTES=n)');
  process.exit(0);
}

/**
 * The RSS in MB of the Live tab's renderer: of the Chromium renderers below `root` (there are a few: a spare
 * one among them), the one that has used the most CPU, since it draws 10,000 messages a second.
 */
function tabRendererRssMb(root: number): number {
  const processes = new Map<number, { parent: number; cpu: number }>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(pid), { parent: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let p = processes.get(pid)?.parent; p !== undefined && p > 1; p = processes.get(p)?.parent)
      if (p === root) return true;
    return false;
  };
  let busiest = { cpu: -1, rssMb: NaN };
  for (const [pid, { cpu }] of processes) {
    if (!below(pid) || cpu <= busiest.cpu) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
      busiest = { cpu, rssMb: kb / 1024 };
    } catch {
      // gone meanwhile
    }
  }
  return busiest.rssMb;
}

// ~110-byte JSON values, paced in 5 ms ticks, one per line into kcat's stdin; the count goes to stderr.
const PACER = `
import sys, time
rate, seconds = float(sys.argv[1]), float(sys.argv[2])
out, seq, start = sys.stdout, 0, time.time()
pad = 'x' * 40
while True:
    elapsed = time.time() - start
    if elapsed >= seconds:
        break
    due = int(elapsed * rate)
    if due > seq:
        now = int(time.time() * 1000)
        out.write(''.join('{"seq":%d,"at":%d,"city":"Paris","amount":%d,"pad":"%s"}\\n' % (s, now, s % 1000, pad) for s in range(seq, due)))
        out.flush()
        seq = due
    time.sleep(0.005)
sys.stderr.write('%d\\n' % seq)
`;

/** Produces at `rate` msg/s for `seconds` with kcat; resolves with the count once kcat has flushed. */
function produce(broker: string, topic: string, rate: number, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const script = `python3 -c "$PACER" ${rate} ${seconds} | kcat -P -b ${broker} -t ${topic} -X linger.ms=5`;
    const child = spawn('bash', ['-c', script], {
      env: { ...process.env, PACER },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(Number(err.trim().split('\n').at(-1))) : reject(new Error(`producer: ${err}`)),
    );
  });
}

interface Sample {
  atS: number;
  load1: number;
  server: { rssMb: number; heapUsedMb: number; heapTotalMb: number; arrayBuffersMb: number };
  tab: { jsHeapUsedMb: number; jsHeapTotalMb: number; nodes: number; rendererRssMb: number };
  received: number;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

const { broker, topic, page, stop } = await startLiveBench({
  topicPrefix: 'live-soak',
  partitions: PARTITIONS,
});
try {
  const stats = page.getByRole('status', { name: 'Live tail statistics' });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');

  const samples: Sample[] = [];
  const started = performance.now();
  const sample = async (): Promise<Sample> => {
    const { metrics } = await devtools.send('Performance.getMetrics');
    const pick = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const memory = process.memoryUsage();
    const text = (await stats.textContent()) ?? '';
    return {
      atS: Math.round((performance.now() - started) / 1000),
      load1: Number(loadavg()[0]!.toFixed(2)),
      server: {
        rssMb: round(memory.rss / MB),
        heapUsedMb: round(memory.heapUsed / MB),
        heapTotalMb: round(memory.heapTotal / MB),
        arrayBuffersMb: round(memory.arrayBuffers / MB),
      },
      tab: {
        jsHeapUsedMb: round(pick('JSHeapUsedSize') / MB),
        jsHeapTotalMb: round(pick('JSHeapTotalSize') / MB),
        nodes: pick('Nodes'),
        rendererRssMb: round(tabRendererRssMb(process.pid)),
      },
      received: Number(/Received\s*([\d,]+)/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN),
    };
  };
  const producing = produce(broker, topic, RATE, MINUTES * 60);
  const timer = setInterval(() => {
    void sample().then(
      (s) => {
        samples.push(s);
        console.log(
          `${String(s.atS).padStart(4)} s  load ${s.load1}  server RSS ${s.server.rssMb} MB, heap ${s.server.heapUsedMb}/${s.server.heapTotalMb} MB, ArrayBuffers ${s.server.arrayBuffersMb} MB  |  tab JS heap ${s.tab.jsHeapUsedMb}/${s.tab.jsHeapTotalMb} MB, ${s.tab.nodes} nodes, renderer RSS ${s.tab.rendererRssMb} MB  |  received ${s.received}`,
        );
      },
      (error: unknown) => console.error(`sample failed: ${(error as Error).message}`),
    );
  }, SAMPLE_S * 1000);
  const produced = await producing;
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 2000));
  const statsText = (await stats.textContent()) ?? '';

  const last = samples.at(-1)?.atS ?? 0;
  const firstMinute = samples.filter((s) => s.atS <= 60);
  const lastMinute = samples.filter((s) => s.atS > last - 60);
  const measures: [string, (s: Sample) => number][] = [
    ['server RSS (MB)', (s) => s.server.rssMb],
    ['server V8 heap used (MB)', (s) => s.server.heapUsedMb],
    ['tab JS heap used (MB)', (s) => s.tab.jsHeapUsedMb],
    ['tab renderer RSS (MB)', (s) => s.tab.rendererRssMb],
    ['tab DOM nodes', (s) => s.tab.nodes],
  ];
  const summary = measures.map(([name, of]) => {
    const [first, end] = [firstMinute.map(of), lastMinute.map(of)];
    const [minute1, last] = [median(first), median(end)];
    return {
      name,
      minute1: round(minute1),
      end: round(last),
      ratio: Number((last / minute1).toFixed(3)),
      // A heap sampled anywhere between two collections: the range says how wide the sawtooth is.
      minute1Range: [round(Math.min(...first)), round(Math.max(...first))],
      endRange: [round(Math.min(...end)), round(Math.max(...end))],
    };
  });
  const load = loadavg().map((l) => Number(l.toFixed(2)));
  console.log(
    `\n${MINUTES} min at ${RATE} msg/s (${produced} produced by kcat, ${PARTITIONS} partitions), Live tab open; ` +
      `medians of minute 1 (${firstMinute.length} samples) and of the last minute (${lastMinute.length}); ` +
      `load average at the end ${load.join(', ')} on ${cpus().length} cores:`,
  );
  for (const row of summary)
    console.log(
      `  ${row.name}: minute 1 ${row.minute1} (${row.minute1Range.join('–')}), end ${row.end} (${row.endRange.join('–')}), ratio ${row.ratio} (${Math.abs(row.ratio - 1) <= 0.1 ? 'within' : 'NOT within'} 10 %)`,
    );
  console.log(`  the tab's stats at the end: ${statsText.replace(/\s+/g, ' ').trim()}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'live-soak.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        minutes: MINUTES,
        rate: RATE,
        produced,
        cores: cpus().length,
        loadAverageAtEnd: load,
        summary,
        tabStatsAtEnd: statsText,
        samples,
      },
      null,
      2,
    ) + '\n',
  );
  console.log('written to bench/results/live-soak.json');
} finally {
  await stop();
}
