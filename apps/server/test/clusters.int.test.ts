import { describe, expect, it } from 'vitest';
import type { ClusterList, ErrorBody } from '@tributary/contract';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';

describe('clusters', async () => {
  // A port nothing listens on: that cluster must be reported offline, quickly, not hang the list.
  const app = await buildTestApp([{ name: 'gone', bootstrapServers: ['127.0.0.1:1'] }]);

  it('answers health', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('lists the local cluster with its one broker, and an unreachable one as offline', async () => {
    const started = Date.now();
    const res = await app.inject('/api/clusters');
    expect(res.statusCode).toBe(200);
    const clusters = res.json<ClusterList>();
    expect(clusters).toContainEqual({
      name: 'local',
      bootstrapServers: sharedKafkaBrokers(),
      brokerCount: 1,
      status: 'online',
    });
    const gone = clusters.find((c) => c.name === 'gone');
    expect(gone).toMatchObject({ status: 'offline', brokerCount: 0 });
    expect(gone?.error).toMatch(/unavailable|did not answer/i);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('answers an unknown endpoint with a 404 error body', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>()).toEqual({
      requestId: expect.any(String),
      code: 'NOT_FOUND',
      message: 'No such endpoint: GET /api/nope',
    });
  });
});
