// Schema Registry: browse and search throughput on 100k Avro records (Confluent wire format, decoded with
// the registry's schema, fetched once per id) against the same 100k records as plain JSON.
// Run: npx pnpm@10.34.9 exec tsx bench/schemas.bench.ts   (N=100000 RUNS=10 to change)
import { startKafka, startSchemaRegistry } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ClusterConnection } from '../apps/server/src/kafka/cluster-connection.ts';
import { avroType } from '../apps/server/src/domain/schemas/avro.ts';
import { WebSocket } from './ws-client.ts';

const N = Number(process.env.N ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 10);

const SCHEMA = {
  type: 'record',
  name: 'Visit',
  namespace: 'tributary.bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'city', type: 'string' },
    { name: 'email', type: ['null', 'string'], default: null },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'pad', type: 'string' },
  ],
};
const record = (i: number) => ({
  id: i,
  city: i % 1000 === 0 ? 'Lyon' : 'Paris',
  email: i % 2 ? `user${i}@example.com` : null,
  at: '2026-03-01T10:00:00.000Z',
  pad: 'x'.repeat(60),
});

function wsSearch(url: string): Promise<{ matches: number; done?: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let matches = 0;
    let done: Record<string, unknown> | undefined;
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string } & Record<string, unknown>;
      if (event.type === 'message') matches++;
      else if (event.type === 'done' || event.type === 'error') done = event;
    });
    ws.on('close', () => resolve({ matches, ...(done ? { done } : {}) }));
    ws.on('error', reject);
  });
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

const kafka = await startKafka({ heap: '768m' });
const registry = await startSchemaRegistry({ log: (line) => console.log(line) });
try {
  const brokers = kafka.bootstrapServers;
  const register = await fetch(`${registry.url}/subjects/avro-value/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(SCHEMA) }),
  });
  const { id } = (await register.json()) as { id: number };
  const type = avroType(JSON.stringify(SCHEMA));
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);

  const client = new ClusterConnection(
    { name: 'bench', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  const admin = await client.admin();
  await admin.createTopics({
    topics: [
      { topic: 'avro', numPartitions: 4 },
      { topic: 'json', numPartitions: 4 },
    ],
    waitForLeaders: true,
  });
  const producer = await client.producer();
  const started = Date.now();
  for (let i = 0; i < N; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - i) }, (_, j) => record(i + j));
    await producer.send({
      topic: 'avro',
      acks: -1,
      messages: batch.map((r) => ({
        key: `user-${r.id}`,
        value: Buffer.concat([header, type.toBuffer(r)]),
      })),
    });
    await producer.send({
      topic: 'json',
      acks: -1,
      messages: batch.map((r) => ({ key: `user-${r.id}`, value: JSON.stringify(r) })),
    });
  }
  console.log(`produced ${N} Avro and ${N} JSON records in ${Date.now() - started} ms`);
  await client.close();

  const app = await buildApp(
    loadConfig({
      KAFKA_CLUSTERS_0_NAME: 'local',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: brokers.join(','),
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: registry.url,
      LOG_LEVEL: 'silent',
    }),
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const origin = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const base = '/api/clusters/local/topics';

  // Browse runs alternate between the topics, so a change in the machine's load hits both alike.
  const samples: Record<'json' | 'avro', number[]> = { json: [], avro: [] };
  const count: Record<'json' | 'avro', number> = { json: 0, avro: 0 };
  for (let run = 0; run <= RUNS; run++) {
    for (const topic of ['json', 'avro'] as const) {
      const t = performance.now();
      const res = await fetch(`http://${origin}${base}/${topic}/messages?seek=oldest&limit=500`);
      const page = (await res.json()) as { messages: { value?: { format: string } }[] };
      if (run > 0) samples[topic].push(performance.now() - t); // the first run warms connections and the cache
      count[topic] = page.messages.length;
      if (topic === 'avro' && page.messages[0]?.value?.format !== 'avro')
        throw new Error('the Avro records were not decoded');
    }
  }
  const results: Record<string, { browseMsgPerS: number; searchMsgPerS: number }> = {};
  for (const topic of ['json', 'avro'] as const) {
    const browseMs = median(samples[topic]);
    const t = Date.now();
    const filter = encodeURIComponent('value.city == "Lyon"');
    const found = await wsSearch(`ws://${origin}${base}/${topic}/search?filter=${filter}&maxMatches=10000`);
    const searchMs = Date.now() - t;
    results[topic] = {
      browseMsgPerS: Math.round(count[topic] / (browseMs / 1000)),
      searchMsgPerS: Math.round(N / (searchMs / 1000)),
    };
    console.log(
      `${topic.padEnd(4)} browse oldest ${count[topic]}: p50 ${browseMs.toFixed(1)} ms (${results[topic].browseMsgPerS} msg/s); ` +
        `search ${N} for value.city == "Lyon": ${searchMs} ms (${results[topic].searchMsgPerS} msg/s scanned), ` +
        `${found.matches} matches, ${String(found.done?.reason)}`,
    );
  }
  const ratio = (key: 'browseMsgPerS' | 'searchMsgPerS') =>
    (results.avro![key] / results.json![key]).toFixed(2);
  console.log(
    `Avro / JSON throughput: browse ${ratio('browseMsgPerS')}, search ${ratio('searchMsgPerS')} (1.00 = as fast)`,
  );
  await app.close();
} finally {
  await registry.stop();
  await kafka.stop();
}
