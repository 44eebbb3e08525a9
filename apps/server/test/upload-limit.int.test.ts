// Issue 10: uploads were capped at 1 GiB only; now by the uploadMaxBytes setting (default 64 MiB).
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ErrorBody, UploadEvent } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { createTopic, kafkaTools } from './messages-helpers.ts';

describe('upload size limit', async () => {
  const app = await buildTestApp([], { uploadMaxBytes: 1 << 20 });
  const { admin } = await kafkaTools();
  const topic = await createTopic(admin, 'upload-limit', 1);
  const url = `/api/clusters/local/topics/${topic}/messages/upload?format=jsonl`;
  const line = JSON.stringify({ pad: 'x'.repeat(1000) }) + '\n';
  const refusal = {
    code: 'BAD_REQUEST',
    message: 'The file is larger than this server takes (1 MiB, its uploadMaxBytes setting).',
    requestId: expect.any(String),
  };

  it('answers 413 with a sentence for a file over uploadMaxBytes, with or without a content-length', async () => {
    const big = line.repeat(1100); // 1.1 MB
    const sized = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(big),
    });
    expect(sized.statusCode).toBe(413);
    expect(sized.json<ErrorBody>()).toEqual(refusal);
    // Streamed without a size: the spooling stops at the limit.
    const streamed = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Readable.from(Array.from({ length: 1100 }, () => Buffer.from(line))),
    });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json<ErrorBody>()).toEqual(refusal);
  });

  it('answers the 413 over real HTTP to a streamed file, instead of cutting the connection', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { port, path: url, method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 1100; i++) req.write(line); // chunked: no content-length
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(refusal);
  });

  it('takes a file under the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(line.repeat(900)),
    });
    expect(res.statusCode).toBe(200);
    const done = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as UploadEvent)
      .at(-1);
    expect(done).toMatchObject({ type: 'done', written: 900, total: 900 });
  });
});
