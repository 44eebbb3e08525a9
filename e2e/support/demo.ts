import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { ConnectList } from '@tributary/contract';

/**
 * A topic with JSON, text and binary messages and a group lagging behind it, and a file source connector
 * writing a topic of its own: every page has something to show.
 */
export interface Demo {
  topic: string;
  group: string;
  connectTopic: string;
  connector: string;
  /** The topic's value subject in the Schema Registry (`<topic>-value`, Avro). */
  subject: string;
}

const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export async function arrangeDemo(request: APIRequestContext, bootstrap: string[]): Promise<Demo> {
  const topic = unique('orders');
  const group = unique('billing');
  const created = await request.post('/api/clusters/local/topics', {
    data: {
      name: topic,
      partitions: 3,
      configs: { 'retention.ms': '604800000', 'segment.bytes': '1073741824' },
    },
  });
  if (!created.ok()) throw new Error(await created.text());
  const lines = Array.from(
    { length: 12 },
    (_, i) =>
      `order-${i}:{"id":${i},"customer":{"name":"Ada ${i}","vip":${i % 3 === 0}},"total":${(i * 7.5).toFixed(2)},"items":["book","pen"]}`,
  ).join('\n');
  const produced = await request.post(`/api/clusters/local/topics/${topic}/messages/lines`, {
    data: { lines, separator: ':' },
  });
  if (!produced.ok()) throw new Error(await produced.text());
  execFileSync(
    'kcat',
    ['-b', bootstrap.join(','), '-G', group, topic, '-c', '6', '-q', '-X', 'auto.offset.reset=earliest'],
    {
      timeout: 60_000,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const connectTopic = unique('lines');
  const connector = unique('lines-source');
  await arrangeConnector(request, connectTopic, connector);
  const subject = `${topic}-value`;
  await arrangeSubject(request, subject);
  return { topic, group, connectTopic, connector, subject };
}

/** The app starts its Schema Registry in the background: wait until it answers, then register two versions. */
async function arrangeSubject(request: APIRequestContext, subject: string) {
  const deadline = Date.now() + 150_000;
  let status = (await request.get('/api/clusters/local/schemas')).status();
  while (status === 503 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    status = (await request.get('/api/clusters/local/schemas')).status();
  }
  if (status !== 200) return; // the Schema Registry pages show why instead
  const order = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }] };
  for (const fields of [
    order.fields,
    [...order.fields, { name: 'note', type: ['null', 'string'], default: null }],
  ]) {
    const registered = await request.post(`/api/clusters/local/schemas/${subject}`, {
      data: { schema: JSON.stringify({ ...order, fields }) },
    });
    if (!registered.ok()) throw new Error(await registered.text());
  }
}

/**
 * The app starts its Connect worker in the background: wait while it is `starting`. Once connect.spec has
 * stopped it (`offline`), the Connect pages are still listed and show that instead.
 */
async function arrangeConnector(request: APIRequestContext, topic: string, name: string) {
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } });
  if (!created.ok()) throw new Error(await created.text());
  const deadline = Date.now() + 150_000;
  let status: string | undefined;
  for (;;) {
    const connects = (await (await request.get('/api/clusters/local/connects')).json()) as ConnectList;
    status = connects.find((c) => c.name === 'local')?.status;
    if (status !== 'starting' || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (status !== 'online') return;
  const file = join(mkdtempSync(join(tmpdir(), 'tributary-demo-')), 'lines.txt');
  writeFileSync(file, Array.from({ length: 5 }, (_, i) => `line ${i}`).join('\n') + '\n');
  const connector = await request.post('/api/clusters/local/connects/local/connectors', {
    data: {
      name,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        file,
        topic,
      },
    },
  });
  if (!connector.ok()) throw new Error(await connector.text());
}

/** Every page of the console, by a short name (used for file names and test titles). */
export function allPages(demo: Demo): [name: string, path: string][] {
  const t = `/clusters/local/topics/${demo.topic}`;
  return [
    ['clusters', '/'],
    ['overview', '/clusters/local'],
    ['brokers', '/clusters/local/brokers?broker=1'],
    ['topics', '/clusters/local/topics'],
    ['topic-overview', `${t}/overview`],
    ['topic-configuration', `${t}/configuration`],
    ['topic-messages', `${t}/messages?seek=oldest&produce=1`],
    ['topic-message', `${t}/messages/0/0`],
    ['topic-live', `${t}/live`],
    ['topic-consumers', `${t}/consumers`],
    ['topic-request', `${t}/request`],
    ['groups', '/clusters/local/consumer-groups'],
    ['group', `/clusters/local/consumer-groups/${demo.group}`],
    ['connect', '/clusters/local/connect'],
    ['connect-new', '/clusters/local/connect/new'],
    ['connector', `/clusters/local/connect/local/connectors/${demo.connector}`],
    ['topic-connectors', `/clusters/local/topics/${demo.connectTopic}/connectors`],
    ['schemas', '/clusters/local/schemas'],
    ['schemas-new', '/clusters/local/schemas/new'],
    ['subject', `/clusters/local/schemas/${demo.subject}`],
    ['schedules', '/clusters/local/schedules'],
    ['not-found', '/no/such/page'],
  ];
}
