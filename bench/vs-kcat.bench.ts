// Side by side with kcat (librdkafka) on the same broker in the same run: whole-topic substring search
// (`kcat -C -e | grep -c`) and browse newest 100 (`kcat -o -100 -e`), plus the server's own start times and
// memory, measured on the real start path (`node scripts/tributary.mjs start`, one Node process).
// Absolute times vary on shared machines: judge by the ratios. It never fails for being slow.
// Run: npx pnpm@10.34.9 exec tsx bench/vs-kcat.bench.ts   (N=1000000 RUNS=10 SEARCH_RUNS=3 to change)
// While iterating: BENCH_BROKERS=host:port reuses a running broker (and its topic, produced once), and
// PARTS=search,browse runs only those parts (all: start,search,browse,tail); TAIL_RATES (msg/s, default
// 1000,10000: the live page's rate and the socket's).
// Memory: RSS of the server process left alone IDLE_AFTER_S seconds after start, at the searches' peak, just
// after them, and left alone IDLE_AFTER_S seconds after them (what it keeps), with the load average.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKafka } from '@tributary/local-kafka';
import { tailSideBySide, type TailSideBySide } from './vs-kcat-tail.ts';
import { WebSocket } from './ws-client.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.N ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 10);
const SEARCH_RUNS = Number(process.env.SEARCH_RUNS ?? 3);
const PARTITIONS = 3;
const MATCHES = 10;
const NEEDLE = 'Lyon';
const PARTS = new Set((process.env.PARTS ?? 'start,search,browse,tail').split(','));
// A rerun of some parts leaves the last full results alone.
const RESULTS = process.env.PARTS ? 'partial.json' : 'latest.json';
const EXTERNAL_BROKERS = process.env.BENCH_BROKERS;
const IDLE_AFTER_S = 10;

const sh = (script: string) => {
  const t = performance.now();
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${script}: ${result.stderr}`);
  return { out: result.stdout.trim(), ms: performance.now() - t };
};
const loadAverage = () => os.loadavg().map((l) => Number(l.toFixed(2)));
const p50 = (samples: number[]) =>
  samples.length ? [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]! : NaN;
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * `npm start`'s command from package.json, run without npm (whose own process is not the server's): its
 * leading NAME=value words are the environment it sets, then `node` with its flags and the script.
 */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words.shift() !== 'node') throw new Error(`npm start does not run node: ${script}`);
  return { env, args: words };
}

/** `npm start`'s path with a given cluster: ms until /api/health answers, and the process. */
async function startServer(brokers: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t = performance.now();
  const command = startCommand();
  const child = spawn(process.execPath, command.args, {
    cwd: ROOT,
    env: { ...process.env, ...command.env, KAFKA_BROKERS: brokers, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, ms: performance.now() - t };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

function wsSearch(url: string, pid: number): Promise<{ matches: number; ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    let peakMb = 0;
    const sample = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 50);
    const ws = new WebSocket(url);
    let matches = 0;
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string; matches?: number; message?: string };
      if (event.type === 'done') matches = event.matches ?? 0;
      if (event.type === 'error') reject(new Error(event.message));
    });
    ws.on('close', () => {
      clearInterval(sample);
      resolve({ matches, ms: performance.now() - t, peakMb: Math.max(peakMb, rssMb(pid)) });
    });
    ws.on('error', reject);
  });
}

/** ~110-byte JSON lines, MATCHES of them naming the needle, produced by kcat (fast, no Node in the way). */
function produce(broker: string, topic: string): void {
  const file = join(os.tmpdir(), `vs-kcat-${process.pid}.jsonl`);
  const every = Math.floor(N / MATCHES);
  const lines: string[] = [];
  for (let i = 0; i < N; i++)
    lines.push(
      JSON.stringify({
        id: i,
        user: `user-${i % 9973}`,
        city: i % every === every - 1 ? NEEDLE : 'Paris',
        amount: (i * 7) % 1000,
        pad: 'x'.repeat(40),
      }),
    );
  writeFileSync(file, lines.join('\n') + '\n');
  lines.length = 0;
  const produced = sh(
    `kcat -P -b ${broker} -t ${topic} -X linger.ms=20 -X batch.num.messages=10000 -l ${file}`,
  );
  rmSync(file);
  console.log(`produced ${N} messages with kcat in ${produced.ms.toFixed(0)} ms`);
}

const kafka = EXTERNAL_BROKERS
  ? { bootstrapServers: EXTERNAL_BROKERS.split(','), stop: () => Promise.resolve() }
  : await startKafka({ heap: '768m' });
try {
  const broker = kafka.bootstrapServers.join(',');
  const topic = 'vs-kcat';
  const { Kafka, logLevel } = createRequire(join(ROOT, 'apps', 'server', 'package.json'))('kafkajs') as {
    Kafka: new (o: object) => {
      admin(): {
        connect(): Promise<void>;
        createTopics(o: object): Promise<boolean>;
        disconnect(): Promise<void>;
      };
    };
    logLevel: { NOTHING: number };
  };
  const admin = new Kafka({ brokers: kafka.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const created = await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  if (created) produce(broker, topic);

  // Start times: cold = compile the server (dist removed) and start; warm = start with dist in place.
  const port = await freePort();
  let cold = { ms: NaN };
  if (PARTS.has('start')) {
    rmSync(join(ROOT, 'apps', 'server', 'dist'), { recursive: true, force: true });
    const first = await startServer(broker, port);
    await stopServer(first.child);
    cold = first;
  }
  const { child, ms: warmMs } = await startServer(broker, port);
  const pid = child.pid!;
  await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_S * 1000));
  const idleMb = rssMb(pid);
  const loadAtIdle = loadAverage();
  console.log(
    `start: cold (server compiled) ${cold.ms.toFixed(0)} ms, warm ${warmMs.toFixed(0)} ms; idle RSS ${idleMb.toFixed(0)} MB (load average ${loadAtIdle.join(', ')})`,
  );

  const api = `http://127.0.0.1:${port}/api/clusters/local/topics/${topic}`;
  const searchUrl = (q: string) =>
    `ws://127.0.0.1:${port}/api/clusters/local/topics/${topic}/search?q=${q}&maxMatches=${MATCHES * 10}`;
  // Search: ours (case-sensitive, as grep is; and the default case-insensitive) against kcat | grep -c.
  const rate = (ms: number) => Math.round(N / (ms / 1000));
  const noRun = { ms: NaN, matches: 0, peakMb: 0 };
  // SEARCH_RUNS of each, interleaved, the median kept: the machine is shared, one run can be unlucky either way.
  const searching = PARTS.has('search');
  const median = <T extends { ms: number }>(runs: T[]): T | undefined =>
    [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)];
  const kcatRuns: { ms: number; out: string }[] = [];
  const exactRuns: Awaited<ReturnType<typeof wsSearch>>[] = [];
  const looseRuns: Awaited<ReturnType<typeof wsSearch>>[] = [];
  for (let run = 0; searching && run < SEARCH_RUNS; run++) {
    kcatRuns.push(sh(`kcat -C -b ${broker} -t ${topic} -e -q | grep -c ${NEEDLE}`));
    exactRuns.push(await wsSearch(`${searchUrl(NEEDLE)}&caseSensitive=true`, pid));
    looseRuns.push(await wsSearch(searchUrl(NEEDLE.toLowerCase()), pid));
  }
  const kcatSearch = median(kcatRuns) ?? { ...noRun, out: '0' };
  const exact = { ...(median(exactRuns) ?? noRun), peakMb: Math.max(0, ...exactRuns.map((r) => r.peakMb)) };
  const loose = { ...(median(looseRuns) ?? noRun), peakMb: Math.max(0, ...looseRuns.map((r) => r.peakMb)) };
  console.log(
    `search runs (ms): kcat ${kcatRuns.map((r) => r.ms.toFixed(0)).join(', ')}; ours case-sensitive ` +
      `${exactRuns.map((r) => r.ms.toFixed(0)).join(', ')}; case-insensitive ${looseRuns.map((r) => r.ms.toFixed(0)).join(', ')}`,
  );
  const afterSearchMb = rssMb(pid);
  // What the server keeps once it is left alone: the figure a user sees after a search, not just its wake.
  if (searching) await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_S * 1000));
  const idleAfterSearchMb = searching ? rssMb(pid) : NaN;
  const loadAfterSearch = loadAverage();
  const search = {
    n: N,
    kcat: { ms: Math.round(kcatSearch.ms), msgPerS: rate(kcatSearch.ms), matches: Number(kcatSearch.out) },
    tributaryCaseSensitive: { ms: Math.round(exact.ms), msgPerS: rate(exact.ms), matches: exact.matches },
    tributaryCaseInsensitive: { ms: Math.round(loose.ms), msgPerS: rate(loose.ms), matches: loose.matches },
    ratioCaseSensitive: Number((kcatSearch.ms / exact.ms).toFixed(2)),
    ratioCaseInsensitive: Number((kcatSearch.ms / loose.ms).toFixed(2)),
  };

  // Browse newest 100: our page against kcat's last 100 per partition (a process start each time).
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < (PARTS.has('browse') ? RUNS : 0); run++) {
    const t = performance.now();
    const res = await fetch(`${api}/messages?seek=newest&limit=100`);
    await res.arrayBuffer();
    ours.push(performance.now() - t);
    theirs.push(sh(`kcat -C -b ${broker} -t ${topic} -o -100 -e -q | wc -l`).ms);
  }
  const browse = {
    tributaryP50Ms: Number(p50(ours).toFixed(1)),
    kcatP50Ms: Number(p50(theirs).toFixed(1)),
    ratio: Number((p50(theirs) / p50(ours)).toFixed(2)),
  };
  // Tail: a paced kcat producer; a kcat consumer and our WebSocket stamp the same messages.
  const tailRates = (process.env.TAIL_RATES ?? process.env.TAIL_RATE ?? '1000,10000').split(',').map(Number);
  const tails: TailSideBySide[] = [];
  for (const rate of PARTS.has('tail') ? tailRates : []) {
    const tail = await tailSideBySide(broker, port, () => rssMb(pid), rate);
    tails.push(tail);
    console.log(
      `tail at ${tail.rate} msg/s for ${tail.seconds} s (${tail.produced} produced): kcat received ${tail.kcat.received}, ` +
        `p50 ${tail.kcat.p50} ms, p99 ${tail.kcat.p99} ms; Tributary received ${tail.tributary.received}, ` +
        `p50 ${tail.tributary.p50} ms, p99 ${tail.tributary.p99} ms; server RSS peak ${tail.serverPeakMb} MB ` +
        `(load average ${tail.loadAverage.join(', ')})`,
    );
  }
  await stopServer(child);

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    kcat: sh("kcat -V | grep -o 'Version [0-9.]*' | head -1").out,
  };
  const memory = {
    idleMb: Math.round(idleMb),
    loadAverageAtIdle: loadAtIdle,
    peakDuringSearchMb: Math.round(Math.max(exact.peakMb, loose.peakMb)),
    afterSearchMb: Math.round(afterSearchMb),
    [`idle${IDLE_AFTER_S}sAfterSearchMb`]: Math.round(idleAfterSearchMb),
    loadAverageAfterSearch: loadAfterSearch,
  };
  const start = { coldMs: Math.round(cold.ms), warmMs: Math.round(warmMs) };
  const rows: [string, string, string, string][] = [
    [
      `search ${N} msgs (case-sensitive)`,
      `${search.kcat.msgPerS} msg/s`,
      `${search.tributaryCaseSensitive.msgPerS} msg/s`,
      `${search.ratioCaseSensitive}×`,
    ],
    [
      `search ${N} msgs (case-insensitive)`,
      `${search.kcat.msgPerS} msg/s`,
      `${search.tributaryCaseInsensitive.msgPerS} msg/s`,
      `${search.ratioCaseInsensitive}×`,
    ],
    ['newest 100, p50', `${browse.kcatP50Ms} ms`, `${browse.tributaryP50Ms} ms`, `${browse.ratio}×`],
  ];
  for (const tail of tails)
    rows.push([
      `tail ${tail.rate} msg/s, produce → consumer p99 (received)`,
      `${tail.kcat.p99} ms (${tail.kcat.received}/${tail.produced})`,
      `${tail.tributary.p99} ms (${tail.tributary.received}/${tail.produced})`,
      `${tail.ratioP99}×`,
    ]);
  console.log(`\n| work | kcat | Tributary | ratio (kcat time / ours) |\n|---|---|---|---|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    `\nmatches: kcat|grep ${search.kcat.matches}, ours ${search.tributaryCaseSensitive.matches} / ${search.tributaryCaseInsensitive.matches}`,
  );
  console.log(
    `server: cold start ${start.coldMs} ms, warm ${start.warmMs} ms; RSS idle ${memory.idleMb} MB, ` +
      `peak during search ${memory.peakDuringSearchMb} MB, just after ${memory.afterSearchMb} MB, ` +
      `after ${IDLE_AFTER_S} s idle ${Math.round(idleAfterSearchMb)} MB (load average then ${loadAfterSearch.join(', ')})`,
  );
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; ` +
      `load average ${loadAverage().join(', ')}`,
  );
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', RESULTS),
    JSON.stringify({ at: new Date().toISOString(), machine, start, memory, search, browse, tails }, null, 2) +
      '\n',
  );
  console.log(`written to bench/results/${RESULTS}`);
} finally {
  await kafka.stop();
}
