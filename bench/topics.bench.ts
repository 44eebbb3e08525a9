// Topic list latency on a cluster with many topics: only the requested page is described in detail
// (ListOffsets + DescribeLogDirs), so page 1 of 5,000 topics (10,000 partitions) should cost about what
// page 1 of 25 does. Issue 11's goal: page 1 ≤ 50 ms p95 at 10,000 partitions.
// Run: npx pnpm@10.34.9 exec tsx bench/topics.bench.ts   (TOPICS=5000 PARTITIONS=2 RUNS=100 to change;
//   KAFKA_BROKERS=host:port reuses a running Kafka and creates only the bench topics it lacks)
import { loadavg } from 'node:os';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ClusterConnection } from '../apps/server/src/kafka/cluster-connection.ts';

const TOPICS = Number(process.env.TOPICS ?? 5000);
const PARTITIONS = Number(process.env.PARTITIONS ?? 2);
// p95 of 20 samples is their maximum: 100 runs make it the 95th percentile on this shared machine.
const RUNS = Number(process.env.RUNS ?? 100);
/** Cases that describe every topic are slow by design: fewer runs. */
const FEW = Math.max(5, Math.round(RUNS / 10));

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

let kafka: LocalKafka | undefined;
const brokers =
  process.env.KAFKA_BROKERS?.split(',') ?? (kafka = await startKafka({ heap: '768m' })).bootstrapServers;
try {
  // The server's own connection class: the bench needs no Kafka client of its own.
  const client = new ClusterConnection(
    { name: 'bench', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  const admin = await client.admin();
  const created = Date.now();
  const existing = new Set(await admin.listTopics());
  const names = Array.from({ length: TOPICS }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  const missing = names.filter((name) => !existing.has(name));
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100).map((topic) => ({ topic, numPartitions: PARTITIONS }));
    await admin.createTopics({ topics: batch, waitForLeaders: false, timeout: 60_000 });
  }
  // Wait until every partition has a leader before producing or measuring.
  let partitionCount = 0;
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata();
    const led = topics.filter((t) => t.name.startsWith('bench-') && t.partitions.every((p) => p.leader >= 0));
    partitionCount = led.reduce((n, t) => n + t.partitions.length, 0);
    if (led.length >= TOPICS) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(
    `created ${missing.length} of ${TOPICS} topics × ${PARTITIONS} partitions in ${Date.now() - created} ms`,
  );
  // Some data, so sizes and counts are not all zero.
  const producer = await client.producer();
  for (let i = 0; i < TOPICS && missing.length > 0; i += 50) {
    const send = () =>
      producer.send({
        topic: `bench-${String(i).padStart(5, '0')}`,
        messages: Array.from({ length: 100 }, (_, n) => ({ value: `m${n}`.repeat(20) })),
      });
    // Fresh topics can answer NOT_LEADER once; the idempotent producer makes a retry safe.
    await send().catch(() => new Promise((r) => setTimeout(r, 500)).then(send));
  }
  await client.close();

  const app = await buildApp(loadConfig({ KAFKA_BROKERS: brokers.join(','), LOG_LEVEL: 'silent' }), {
    logger: false,
  });
  // [name, url, runs, pause before each run in ms (the topic list's metadata is cached for 3 s)]
  const cases: [string, string, number, number][] = [
    // Right after the set-up the broker is still busy with its 5,000 new topics and the server's code is
    // not yet optimised (this run's samples fell from 60-80 ms to 15-30 over its 100 requests): shown apart.
    ['page 1, the first requests (warm-up)', '/api/clusters/local/topics?perPage=25', RUNS, 0],
    ['page 1 (25 rows, by name)', '/api/clusters/local/topics?perPage=25', RUNS, 0],
    // Kept fresh in the background for 30 s after a list: a person clicking every few seconds never waits.
    ['page 1, 3.5 s after the last request', '/api/clusters/local/topics?perPage=25', FEW, 3500],
    // Nobody listed for longer (30 s, then the last read is 3 s old): this request reads every topic itself.
    ['page 1, 34 s after the last request', '/api/clusters/local/topics?perPage=25', 3, 34_000],
    ['page 40 (25 rows, by name)', '/api/clusters/local/topics?perPage=25&page=40', RUNS, 0],
    ['search "-011" (25 rows)', '/api/clusters/local/topics?search=-011&perPage=25', RUNS, 0],
    ['page 1 of 100 rows', '/api/clusters/local/topics?perPage=100', RUNS, 0],
    [
      'sort by sizeBytes (describes all)',
      '/api/clusters/local/topics?sortBy=sizeBytes&order=desc&perPage=25',
      FEW,
      0,
    ],
    ['topic detail', '/api/clusters/local/topics/bench-00000', RUNS, 0],
    ['cluster overview', '/api/clusters/local', RUNS, 0],
    ['brokers (disk usage over all topics)', '/api/clusters/local/brokers', FEW, 0],
  ];
  await app.inject(cases[0]![1]); // connect the clients once
  console.log(`\n${TOPICS} topics, ${partitionCount} partitions (ms); load average ${load()}:`);
  console.log(
    'case'.padEnd(40),
    'p50'.padStart(7),
    'p95'.padStart(7),
    'max'.padStart(7),
    'runs'.padStart(6),
    '  bytes',
  );
  for (const [name, url, runs, pause] of cases) {
    const samples: number[] = [];
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
      const t0 = performance.now();
      const res = await app.inject(url);
      samples.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
      bytes = res.body.length;
    }
    const s = stats(samples);
    console.log(
      name.padEnd(40),
      s.p50.toFixed(1).padStart(7),
      s.p95.toFixed(1).padStart(7),
      s.max.toFixed(1).padStart(7),
      String(runs).padStart(6),
      `  ${bytes}`,
    );
  }
  console.log(`load average after: ${load()}`);
  await app.close();
} finally {
  await kafka?.stop();
}
