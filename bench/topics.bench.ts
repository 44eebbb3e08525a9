// Topic list latency on a cluster with many topics: only the requested page is described in detail
// (ListOffsets + DescribeLogDirs), so page 1 of 1,200 topics should cost about what page 1 of 25 does.
// Run: npx pnpm@10.34.9 exec tsx bench/topics.bench.ts   (TOPICS=1200 PARTITIONS=2 RUNS=20 to change)
import { startKafka } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ClusterConnection } from '../apps/server/src/kafka/cluster-connection.ts';

const TOPICS = Number(process.env.TOPICS ?? 1200);
const PARTITIONS = Number(process.env.PARTITIONS ?? 2);
const RUNS = Number(process.env.RUNS ?? 20);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

const kafka = await startKafka({ heap: '768m' });
try {
  const brokers = kafka.bootstrapServers;
  // The server's own connection class: the bench needs no Kafka client of its own.
  const client = new ClusterConnection(
    { name: 'bench', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  const admin = await client.admin();
  const created = Date.now();
  for (let i = 0; i < TOPICS; i += 100) {
    const batch = Array.from({ length: Math.min(100, TOPICS - i) }, (_, j) => ({
      topic: `bench-${String(i + j).padStart(5, '0')}`,
      numPartitions: PARTITIONS,
    }));
    await admin.createTopics({ topics: batch, waitForLeaders: false, timeout: 60_000 });
  }
  // Wait until every partition has a leader before producing or measuring.
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata();
    const led = topics.filter((t) => t.name.startsWith('bench-') && t.partitions.every((p) => p.leader >= 0));
    if (led.length >= TOPICS) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`created ${TOPICS} topics × ${PARTITIONS} partitions in ${Date.now() - created} ms`);
  // Some data, so sizes and counts are not all zero.
  const producer = await client.producer();
  for (let i = 0; i < TOPICS; i += 50) {
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
  const cases: [string, string][] = [
    ['page 1 (25 rows, by name)', '/api/clusters/local/topics?perPage=25'],
    ['page 40 (25 rows, by name)', '/api/clusters/local/topics?perPage=25&page=40'],
    ['search "-011" (25 rows)', '/api/clusters/local/topics?search=-011&perPage=25'],
    ['page 1 of 100 rows', '/api/clusters/local/topics?perPage=100'],
    [
      'sort by sizeBytes (describes all)',
      '/api/clusters/local/topics?sortBy=sizeBytes&order=desc&perPage=25',
    ],
    ['topic detail', '/api/clusters/local/topics/bench-00000'],
    ['cluster overview', '/api/clusters/local'],
    ['brokers (disk usage over all topics)', '/api/clusters/local/brokers'],
  ];
  await app.inject(cases[0]![1]); // connect the clients once
  console.log(`\n${TOPICS} topics, ${RUNS} runs each (ms):`);
  console.log('case'.padEnd(40), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7), '  bytes');
  for (const [name, url] of cases) {
    const samples: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
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
      `  ${bytes}`,
    );
  }
  await app.close();
} finally {
  await kafka.stop();
}
