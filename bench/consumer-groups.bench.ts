// Consumer-group latency on a cluster with many groups. The list pages on the server and computes members
// and lag only for the requested page, so page 1 of 2,000 groups should cost about what a page of 25 does;
// the topic's Consumers tab has to look at every group's offsets (batched OffsetFetch), so it grows with N.
// Run: npx pnpm@10.34.9 exec tsx bench/consumer-groups.bench.ts
//   (GROUPS=2000 TOPICS=20 RUNS=100; KAFKA_BROKERS=host:port reuses a running Kafka instead of starting one,
//   RUN=<id printed by an earlier run> its groups)
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ClusterConnection } from '../apps/server/src/kafka/cluster-connection.ts';
import { commitGroupOffsets } from '../apps/server/src/kafka/admin/consumer-groups.ts';

const GROUPS = Number(process.env.GROUPS ?? 2000);
const TOPICS = Number(process.env.TOPICS ?? 20);
const PARTITIONS = 3;
// p95 of 20 samples is their maximum: 100 runs make it the 95th percentile on this shared machine.
const RUNS = Number(process.env.RUNS ?? 100);
// RUN=<id> reuses the groups and topics of an earlier run on the same broker (their commits are repeated).
const run = process.env.RUN ?? Date.now().toString(36);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

let kafka: LocalKafka | undefined;
const brokers =
  process.env.KAFKA_BROKERS?.split(',') ?? (kafka = await startKafka({ heap: '768m' })).bootstrapServers;
try {
  const client = new ClusterConnection(
    { name: 'bench', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  const admin = await client.admin();
  const topics = Array.from({ length: TOPICS }, (_, i) => `cgbench-${run}-${i}`);
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })),
    waitForLeaders: true,
  });
  const producer = await client.producer();
  for (const topic of topics)
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.send({
          topic,
          messages: Array.from({ length: 300 }, (_, n) => ({ key: `k${n}`, value: `v${n}` })),
        });
        break;
      } catch (error) {
        // a fresh broker may answer NOT_LEADER for a moment after creating the topics
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }

  // Groups with committed offsets on 1-3 topics each, committed like an administrator (no member joins).
  const created = Date.now();
  const queue = Array.from({ length: GROUPS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const offsets = [0, 1, 2].slice(0, 1 + (i % 3)).flatMap((k) =>
          Array.from({ length: PARTITIONS }, (_, partition) => ({
            topic: topics[(i + k) % TOPICS]!,
            partition,
            offset: (i * 7) % 90,
          })),
        );
        await commitGroupOffsets(client, `cgbench-${run}-${String(i).padStart(5, '0')}`, offsets);
      }
    }),
  );
  console.log(`committed offsets for ${GROUPS} groups (run ${run}) in ${Date.now() - created} ms`);
  await client.close();

  const app = await buildApp(
    loadConfig({
      KAFKA_BROKERS: brokers.join(','),
      LOG_LEVEL: 'silent',
      TRIBUTARY_LAG_HISTORY_DIR: `/tmp/cgbench-${run}`,
    }),
    { logger: false },
  );
  const g = (i: number) => `cgbench-${run}-${String(i).padStart(5, '0')}`;
  const cases: [string, string, number][] = [
    [
      `list page 1 of ${GROUPS} groups (perPage 25)`,
      `/api/clusters/local/consumer-groups?search=cgbench-${run}&perPage=25`,
      RUNS,
    ],
    [
      `list page 1 (perPage 200)`,
      `/api/clusters/local/consumer-groups?search=cgbench-${run}&perPage=200`,
      RUNS,
    ],
    [
      `list last page (perPage 25)`,
      `/api/clusters/local/consumer-groups?search=cgbench-${run}&perPage=25&page=${Math.ceil(GROUPS / 25)}`,
      RUNS,
    ],
    ['search matching 1 group', `/api/clusters/local/consumer-groups?search=${g(GROUPS - 1)}`, RUNS],
    ['describe one group (3 topics)', `/api/clusters/local/consumer-groups/${g(2)}`, RUNS],
    [
      `topic consumers (scans all ${GROUPS} groups)`,
      `/api/clusters/local/topics/${topics[0]}/consumer-groups`,
      Math.max(3, RUNS / 20),
    ],
    [
      'commit history (last 100)',
      `/api/clusters/local/consumer-groups/${g(5)}/commits?limit=100`,
      Math.max(3, RUNS / 20),
    ],
  ];
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`${RUNS} runs each; load average ${load()}`);
  for (const [name, url, runs] of cases) {
    const warm = await app.inject(url);
    if (warm.statusCode !== 200) throw new Error(`${url}: ${warm.statusCode} ${warm.body}`);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await app.inject(url);
      samples.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    }
    const s = stats(samples);
    console.log(
      `${name.padEnd(48)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  (${runs} runs)`,
    );
  }
  // One sampling round for 100 watched groups (batched OffsetFetch + ListOffsets per topic).
  const watched = Array.from({ length: 100 }, (_, i) => g(i));
  const started = performance.now();
  await app.lagSampler.sample('local', watched);
  console.log(
    `lag sampler: one round for ${watched.length} watched groups ${(performance.now() - started).toFixed(1)} ms`,
  );
  console.log(`load average after: ${load()}`);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`process RSS after the run: ${rss.toFixed(0)} MiB`);
  await app.close();
  await rm(`/tmp/cgbench-${run}`, { recursive: true, force: true });
} finally {
  await kafka?.stop();
}
