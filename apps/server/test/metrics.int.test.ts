// Issue 17: GET /metrics after real traffic shows the counters moving (HTTP, Kafka, live tails), and the
// scrape token, when configured, is required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@tributary/local-kafka/testing';
import type { App } from '../src/app.ts';
import { buildTestApp } from './helpers.ts';
import { LiveClient } from './live-ws-client.ts';
import { login, testAuth } from './access-fixtures.ts';

let app: App;
let baseUrl: string;
const topic = uniqueName('metrics');

/** One sample's value from the text format (0 when the series is not there yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if (wanted.every((w) => (match[2] ?? '').includes(w))) return Number(match[3]);
  }
  return 0;
}

const scrape = async () => {
  const res = await app.inject('/metrics');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.body;
};

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const created = await app.inject({
    method: 'POST',
    url: '/api/clusters/local/topics',
    payload: { name: topic, partitions: 1 },
  });
  expect(created.statusCode).toBe(201);
});
afterAll(() => app.inject({ method: 'DELETE', url: `/api/clusters/local/topics/${topic}` }));

describe('GET /metrics', () => {
  it('counts HTTP requests by route template, method and status, with a latency histogram', async () => {
    const route = { route: '/api/clusters/:cluster/topics/:topic', method: 'GET' };
    const before = await scrape();
    for (let i = 0; i < 3; i++) await app.inject(`/api/clusters/local/topics/${topic}`);
    await app.inject('/api/clusters/local/topics/no-such-topic-here');
    const after = await scrape();
    expect(sample(after, 'tributary_http_requests_total', { ...route, status: '200' })).toBe(
      sample(before, 'tributary_http_requests_total', { ...route, status: '200' }) + 3,
    );
    expect(sample(after, 'tributary_http_requests_total', { ...route, status: '404' })).toBe(
      sample(before, 'tributary_http_requests_total', { ...route, status: '404' }) + 1,
    );
    expect(sample(after, 'tributary_http_request_duration_seconds_count', route)).toBe(
      sample(before, 'tributary_http_request_duration_seconds_count', route) + 4,
    );
    // The path's own values (topic names) never become labels.
    expect(after).not.toContain(topic);
  });

  it('counts Kafka admin requests by cluster, API and outcome, with their latency', async () => {
    const api = { cluster: 'local', api: 'reading metadata' };
    const before = await scrape();
    await app.inject(`/api/clusters/local/topics/${topic}`);
    const after = await scrape();
    expect(sample(after, 'tributary_kafka_requests_total', { ...api, outcome: 'ok' })).toBeGreaterThan(
      sample(before, 'tributary_kafka_requests_total', { ...api, outcome: 'ok' }),
    );
    expect(sample(after, 'tributary_kafka_request_duration_seconds_count', api)).toBeGreaterThan(
      sample(before, 'tributary_kafka_request_duration_seconds_count', api),
    );
    // A refused request is counted with the error it got (Kafka's INVALID_CONFIG: a 400).
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/clusters/local/topics/${topic}/configs`,
      payload: { set: { 'cleanup.policy': 'sometimes' } },
    });
    expect(refused.statusCode).toBe(400);
    expect(
      sample(await scrape(), 'tributary_kafka_requests_total', {
        cluster: 'local',
        api: 'altering configs',
        outcome: 'BAD_REQUEST',
      }),
    ).toBe(1);
  });

  it('shows open live tails and the messages sent to them', async () => {
    const before = await scrape();
    const tail = await LiveClient.open(baseUrl, topic);
    await tail.start({ from: { mode: 'now' } });
    expect(sample(await scrape(), 'tributary_live_tails_open')).toBe(
      sample(before, 'tributary_live_tails_open') + 1,
    );
    for (const value of ['a', 'b', 'c'])
      await app.inject({
        method: 'POST',
        url: `/api/clusters/local/topics/${topic}/messages`,
        payload: { key: null, value },
      });
    await tail.until(() => tail.values().length === 3);
    const during = await scrape();
    expect(sample(during, 'tributary_live_tail_messages_total', { outcome: 'sent' })).toBe(
      sample(before, 'tributary_live_tail_messages_total', { outcome: 'sent' }) + 3,
    );
    await tail.close();
    await expect
      .poll(async () => sample(await scrape(), 'tributary_live_tails_open'))
      .toBe(sample(before, 'tributary_live_tails_open'));
  });

  it('has the running searches and exports, and Node process metrics', async () => {
    const text = await scrape();
    for (const name of [
      'tributary_searches_running',
      'tributary_exports_running',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(text, name).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? `, 'm'));
  });
});

describe('GET /metrics with a scrape token (metrics.token)', () => {
  let secured: App;
  beforeAll(async () => {
    secured = await buildTestApp([], { metrics: { token: 'a-scrape-token-of-some-length' } });
  });

  it('answers 403 without the token and the metrics with it', async () => {
    const refused = await secured.inject('/metrics');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/token/) });
    const wrong = await secured.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await secured.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer a-scrape-token-of-some-length' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('tributary_http_requests_total');
  });
});

describe('GET /metrics with login on', () => {
  const TOKEN = 'another-scrape-token-long-enough';
  let guarded: App;
  beforeAll(async () => {
    guarded = await buildTestApp([], { auth: await testAuth(), metrics: { token: TOKEN } });
  });
  const get = (headers: Record<string, string>) =>
    guarded.inject({ url: '/metrics', headers: { host: '127.0.0.1:8080', ...headers } });

  it('is for admins and for the scrape token only', async () => {
    expect((await get({})).statusCode).toBe(401);
    expect((await get({ cookie: await login(guarded, 'vic') })).statusCode).toBe(403);
    expect((await get({ cookie: await login(guarded, 'ann') })).statusCode).toBe(200);
    expect((await get({ authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
    expect((await get({ authorization: 'Bearer not-the-token-at-all-no' })).statusCode).toBe(401);
    // Load balancers have no login: readiness stays public.
    expect(
      (await guarded.inject({ url: '/api/ready', headers: { host: '127.0.0.1:8080' } })).statusCode,
    ).toBe(200);
  });
});
