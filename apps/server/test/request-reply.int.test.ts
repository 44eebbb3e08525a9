import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ErrorBody, Responder, ResponderList, RequestReplyResult } from '@tributary/contract';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { createTopic, groupsTouching, kafkaTools } from './messages-helpers.ts';
import { python } from './consumer-groups-fixtures.ts';
import { ownScheduleTopics, until } from './schedules-helpers.ts';

/** A kafka-python-ng service: answers each request on its reply-to topic, after a decoy with another id. */
const RESPONDER = `
import sys
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
brokers, topic = sys.argv[1].split(','), sys.argv[2]
c = KafkaConsumer(bootstrap_servers=brokers, enable_auto_commit=False)
tp = TopicPartition(topic, 0)
c.assign([tp]); c.seek_to_end(tp); c.position(tp)
p = KafkaProducer(bootstrap_servers=brokers, acks='all')
print('ready', flush=True)
while True:
    for records in c.poll(timeout_ms=200).values():
        for r in records:
            h = dict(r.headers)
            p.send(h['reply-to'].decode(), value=b'decoy', headers=[('correlation-id', b'someone-else')])
            p.send(h['reply-to'].decode(), value=b'echo:' + r.value, headers=[('correlation-id', h['correlation-id'])])
            p.flush()
            print('answered', flush=True)
            sys.exit(0)
`;

function startResponder(topic: string): Promise<() => void> {
  const child = spawn(python, ['-c', RESPONDER, sharedKafkaBrokers().join(','), topic], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(() => child.kill());
    });
    child.on('exit', (code) => reject(new Error(`responder exited (${code}): ${err}`)));
  });
}

describe('request/reply', async () => {
  const app = await buildTestApp([], { schedules: ownScheduleTopics('rr') });
  const { admin } = await kafkaTools();
  const request = (topic: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/clusters/local/topics/${topic}/request`, payload });

  it('round-trips through a kafka-python-ng responder, keeping only the reply with our correlation id', async () => {
    const requests = await createTopic(admin, 'rr-requests');
    const replies = await createTopic(admin, 'rr-replies', 2);
    const stop = await startResponder(requests);
    try {
      const res = await request(requests, { value: 'ping', replyTopic: replies, timeoutMs: 20_000 });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<RequestReplyResult>();
      expect(body.request).toMatchObject({ partition: 0, offset: '0' });
      expect(body.replies).toHaveLength(1);
      expect(body.replies[0]!.message.value?.text).toBe('echo:ping');
      expect(body.replies[0]!.message.headers).toContainEqual({
        key: 'correlation-id',
        value: expect.objectContaining({ text: body.request.correlationId }),
      });
      expect(body.replies[0]!.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(body.timedOut).toBeUndefined();
      // The reply topic was read group-free.
      expect(await groupsTouching(admin, replies)).toEqual([]);
    } finally {
      stop();
    }
  });

  it('says that nothing answered when no responder runs', async () => {
    const requests = await createTopic(admin, 'rr-silent');
    const replies = await createTopic(admin, 'rr-silent-replies');
    const res = await request(requests, { value: 'anyone?', replyTopic: replies, timeoutMs: 800 });
    expect(res.statusCode).toBe(200);
    const body = res.json<RequestReplyResult>();
    expect(body.replies).toEqual([]);
    expect(body.timedOut).toMatch(new RegExp(`^Nothing answered on "${replies}" within 800 ms`));
  });

  it('refuses a bad correlation header name and a missing reply topic', async () => {
    const requests = await createTopic(admin, 'rr-bad');
    const bad = await request(requests, {
      value: 'x',
      replyTopic: requests,
      correlationHeader: 'correlation id',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toContain('"correlationHeader"');
    const missing = await request(requests, { value: 'x', replyTopic: `${requests}-nope` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().message).toContain(`${requests}-nope`);
  });

  it('the built-in responder answers in capitals, is listed with its count, and stops when deleted', async () => {
    const requests = await createTopic(admin, 'rr-builtin');
    const replies = await createTopic(admin, 'rr-builtin-replies');
    const created = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/responders',
      payload: { name: 'shout', topic: requests, mode: 'uppercase' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<Responder>();
    const res = await request(requests, { value: 'ping', replyTopic: replies, timeoutMs: 30_000 });
    const body = res.json<RequestReplyResult>();
    expect(body.replies.map((r) => r.message.value?.text)).toEqual(['PING']);
    const listed = await until('the answer counted', async () => {
      const list = (await app.inject('/api/clusters/local/responders')).json<ResponderList>();
      const mine = list.responders.find((r) => r.id === id);
      return mine && mine.answered === 1 ? mine : undefined;
    });
    expect(listed).toMatchObject({ name: 'shout', topic: requests, mode: 'uppercase', failures: 0 });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/responders',
      payload: { name: 'x', topic: requests, mode: 'template' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toContain('"template"');

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/clusters/local/responders/${id}` })).statusCode,
    ).toBe(204);
    await new Promise((r) => setTimeout(r, 1500)); // the running server reads the tombstone and stops
    const after = await request(requests, { value: 'still there?', replyTopic: replies, timeoutMs: 1500 });
    expect(after.json<RequestReplyResult>().timedOut).toMatch(/^Nothing answered/);
  });
});
