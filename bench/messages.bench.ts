// Messages: browse latency, server memory with many 1 MB messages, search/export/upload throughput.
// Memory is bounded per request whatever the message sizes: values are cut (default 16 KiB), a page ends at
// a size budget, and only a few decoded messages per partition are held while merging.
// Run: npx pnpm@10.34.9 exec tsx bench/messages.bench.ts   (BIG=200 SMALL=100000 RUNS=20 to change)
import { startKafka } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ClusterConnection } from '../apps/server/src/kafka/cluster-connection.ts';
import { WebSocket } from './ws-client.ts';

const BIG = Number(process.env.BIG ?? 200);
const SMALL = Number(process.env.SMALL ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 20);
const MB = 1_000_000;

/** A whole-topic search over the WebSocket: matches received and the `done` event. */
function wsSearch(url: string): Promise<{ matches: number; done: Record<string, unknown> | undefined }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let matches = 0;
    let done: Record<string, unknown> | undefined;
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string } & Record<string, unknown>;
      if (event.type === 'message') matches++;
      else if (event.type === 'done' || event.type === 'error') done = event;
    });
    ws.on('close', () => resolve({ matches, done }));
    ws.on('error', reject);
  });
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

/** Peak resident memory above the level before `work`, sampled every 2 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: Math.round((peak - base) / 1e5) / 10 };
  } finally {
    clearInterval(timer);
  }
}

const kafka = await startKafka({ heap: '768m' });
try {
  const brokers = kafka.bootstrapServers;
  const client = new ClusterConnection(
    { name: 'bench', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  const admin = await client.admin();
  await admin.createTopics({
    topics: [
      { topic: 'big', numPartitions: 4 },
      { topic: 'small', numPartitions: 4 },
      { topic: 'upload', numPartitions: 4 },
    ],
    waitForLeaders: true,
  });
  const producer = await client.producer();
  let started = Date.now();
  for (let i = 0; i < BIG; i++)
    await producer.send({
      topic: 'big',
      acks: -1,
      messages: [{ key: `big-${i}`, value: Buffer.alloc(MB, 97 + (i % 26)) }],
    });
  console.log(`produced ${BIG} × 1 MB in ${Date.now() - started} ms`);
  started = Date.now();
  for (let i = 0; i < SMALL; i += 1000)
    await producer.send({
      topic: 'small',
      acks: -1,
      messages: Array.from({ length: 1000 }, (_, j) => ({
        key: `user-${i + j}`,
        value: JSON.stringify({
          id: i + j,
          city: (i + j) % 1000 === 0 ? 'Lyon' : 'Paris',
          pad: 'x'.repeat(100),
        }),
      })),
    });
  console.log(`produced ${SMALL} small JSON messages in ${Date.now() - started} ms`);
  await client.close();

  const app = await buildApp(loadConfig({ KAFKA_BROKERS: brokers.join(','), LOG_LEVEL: 'silent' }), {
    logger: false,
  });
  const get = async (url: string) => {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  const base = '/api/clusters/local/topics';
  const cases: [string, string][] = [
    ['small: newest 100', `${base}/small/messages?seek=newest&limit=100`],
    ['small: oldest 500', `${base}/small/messages?seek=oldest&limit=500`],
    [
      'small: filter over ≤20k records',
      `${base}/small/messages?seek=oldest&limit=100&filter=value.city%20%3D%3D%20%22Lyon%22`,
    ],
    ['big (1 MB values): newest 100, cut at 16 KiB', `${base}/big/messages?seek=newest&limit=100`],
    [
      'big (1 MB values): oldest 100, cut at 1 MiB',
      `${base}/big/messages?seek=oldest&limit=100&maxValueBytes=1048576`,
    ],
  ];
  await get(cases[0]![1]); // warm up connections
  for (const [name, url] of cases) {
    const samples: number[] = [];
    let peak = 0;
    let size = 0;
    let count = 0;
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const { result, peakMb } = await peakRss(() => get(url));
      samples.push(performance.now() - t);
      peak = Math.max(peak, peakMb);
      size = result.body.length;
      count = (JSON.parse(result.body) as { messages: unknown[] }).messages.length;
    }
    const s = stats(samples);
    console.log(
      `${name.padEnd(48)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  ` +
        `${count} msgs, ${(size / 1e6).toFixed(2)} MB answer, peak RSS +${peak} MB`,
    );
  }

  // Export over real HTTP, read as a stream and thrown away: what the server holds is what a browser sees.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const download = async (url: string) => {
    const response = await fetch(origin + url);
    let bytes = 0;
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
    return bytes;
  };
  for (const [name, url, count] of [
    [
      `${SMALL} small messages`,
      `${base}/small/messages/export?format=jsonl&seek=oldest&limit=${SMALL}`,
      SMALL,
    ],
    [`${BIG} × 1 MB messages`, `${base}/big/messages/export?format=jsonl&seek=oldest&limit=${BIG}`, BIG],
  ] as const) {
    started = Date.now();
    const { result: bytes, peakMb } = await peakRss(() => download(url));
    const ms = Date.now() - started;
    console.log(
      `export ${name} as JSON Lines: ${ms} ms (${Math.round(count / (ms / 1000))} msg/s, ${(bytes / 1e6).toFixed(1)} MB), peak RSS +${peakMb} MB`,
    );
  }

  // Server-side search over the whole small topic (every record decoded and filtered), streamed over WebSocket.
  for (const [name, query] of [
    ['filter value.city == "Lyon"', `filter=${encodeURIComponent('value.city == "Lyon"')}&maxMatches=10000`],
    ['substring q=user-9999', 'q=user-9999'],
  ] as const) {
    started = Date.now();
    const { result, peakMb } = await peakRss(() =>
      wsSearch(`${origin.replace('http', 'ws')}${base}/small/search?${query}`),
    );
    const ms = Date.now() - started;
    console.log(
      `search ${SMALL} messages, ${name}: ${ms} ms (${Math.round(SMALL / (ms / 1000))} msg/s scanned), ` +
        `${result.matches} matches, ${String(result.done?.reason)}, peak RSS +${peakMb} MB`,
    );
  }

  const csv =
    'Num_Acc;grav\n' +
    Array.from({ length: 50_000 }, (_, i) => `${202200000000 + i};${(i % 4) + 1}`).join('\n');
  started = Date.now();
  const upload = await app.inject({
    method: 'POST',
    url: `${base}/upload/messages/upload?format=csv&keyColumn=Num_Acc&valueColumns=grav&valueMode=single`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  const done = upload.body.trim().split('\n').at(-1);
  console.log(`upload 50,000-line CSV: ${Date.now() - started} ms → ${done}`);
  await app.close();
} finally {
  await kafka.stop();
}
