import { execFileSync } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';

/** A topic with JSON, text and binary messages and a group lagging behind it: every page has something to show. */
export interface Demo {
  topic: string;
  group: string;
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
  return { topic, group };
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
    ['groups', '/clusters/local/consumer-groups'],
    ['group', `/clusters/local/consumer-groups/${demo.group}`],
    ['not-found', '/no/such/page'],
  ];
}
