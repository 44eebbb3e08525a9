import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueName } from '@tributary/local-kafka/testing';
import type { ConnectorList, ConnectorOffsets } from '@tributary/contract';
import {
  action,
  buildConnectApp,
  connectorUrl,
  createConnector,
  kcatProduce,
  kcatValues,
  scratchDir,
  waitFor,
  waitForState,
} from './connect-helpers.ts';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}`);

/** Waits until the topic holds exactly `n` values (read with kcat) and returns them. */
const topicHolds = (topic: string, n: number) =>
  waitFor(`${n} values in ${topic}`, async () => {
    const values = await kcatValues(topic);
    return values.length === n ? values : undefined;
  });

describe('Kafka Connect file connectors through the API (real worker)', async () => {
  const app = await buildConnectApp();
  const dir = scratchDir();

  it('FileStreamSource: 1,000 lines arrive in the topic; pause holds new lines back, resume brings them', async () => {
    const file = join(dir, 'source.txt');
    writeFileSync(file, lines(0, 1000).join('\n') + '\n');
    const topic = uniqueName('connect-source');
    const name = await createConnector(app, 'file-source', {
      'connector.class': 'FileStreamSource',
      'tasks.max': 1,
      file,
      topic,
    });
    expect(await topicHolds(topic, 1000)).toEqual(lines(0, 1000));

    const listed = await app.inject({ url: `/api/clusters/local/connectors?topic=${topic}` });
    expect(listed.json<ConnectorList>().items).toEqual([
      expect.objectContaining({
        connect: 'local',
        name,
        type: 'source',
        class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        state: 'RUNNING',
        tasksTotal: 1,
        tasksFailed: 0,
        topics: [topic],
      }),
    ]);

    await action(app, name, 'pause');
    await waitForState(app, name, 'PAUSED');
    appendFileSync(file, lines(1000, 1010).join('\n') + '\n');
    // The task polls the file every second; a few polls' time shows nothing moves while paused.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await kcatValues(topic)).toHaveLength(1000);

    await action(app, name, 'resume');
    await waitForState(app, name, 'RUNNING');
    expect((await topicHolds(topic, 1010)).slice(1000)).toEqual(lines(1000, 1010));
  });

  it('FileStreamSink: the file holds exactly the values kcat produced', async () => {
    const topic = uniqueName('connect-sink');
    const values = ['first', '{"json": true}', 'with spaces  and tabs\t', 'last'];
    await kcatProduce(topic, values);
    const file = join(dir, 'sink.txt');
    await createConnector(app, 'file-sink', { 'connector.class': 'FileStreamSink', topics: topic, file });
    const written = await waitFor('the sink file to hold 4 lines', async () => {
      const text = (() => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      })();
      return text.split('\n').length === values.length + 1 ? text : undefined;
    });
    expect(written).toBe(values.join('\n') + '\n');
  });

  it('offsets: a stopped source shows its file position; a reset and resume read the lines again', async () => {
    const file = join(dir, 'offsets.txt');
    writeFileSync(file, lines(0, 20).join('\n') + '\n');
    const topic = uniqueName('connect-offsets');
    const name = await createConnector(app, 'offsets', {
      'connector.class': 'FileStreamSource',
      file,
      topic,
    });
    await topicHolds(topic, 20);

    const whileRunning = await app.inject({ method: 'DELETE', url: connectorUrl(name, '/offsets') });
    expect(whileRunning.statusCode).toBe(409);
    expect(whileRunning.json().message).toMatch(/only be reset while it is STOPPED/);

    await action(app, name, 'stop');
    await waitFor('the connector to be STOPPED', async () => {
      const res = await app.inject({ url: connectorUrl(name) });
      return res.json().state === 'STOPPED' ? true : undefined;
    });
    const offsets = await waitFor('the committed file position', async () => {
      const res = await app.inject({ url: connectorUrl(name, '/offsets') });
      const body = res.json<ConnectorOffsets>();
      return body.offsets.length > 0 ? body : undefined;
    });
    expect(offsets.offsets).toEqual([
      { partition: { filename: file }, offset: { position: expect.any(Number) } },
    ]);

    const reset = await app.inject({ method: 'DELETE', url: connectorUrl(name, '/offsets') });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().message).toMatch(/reset/i);
    const after = await app.inject({ url: connectorUrl(name, '/offsets') });
    expect(after.json<ConnectorOffsets>().offsets).toEqual([]);

    await action(app, name, 'resume');
    expect(await topicHolds(topic, 40)).toEqual([...lines(0, 20), ...lines(0, 20)]);
  });
});
