import { createServer, type Socket } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConnectPluginPath } from '@tributary/local-kafka';
import { uniqueName } from '@tributary/local-kafka/testing';
import type {
  ConnectList,
  ConnectorList,
  ConnectorPluginList,
  PluginConfigDefinition,
} from '@tributary/contract';
import {
  action,
  buildConnectApp,
  connectorUrl,
  createConnector,
  detail,
  scratchDir,
  waitFor,
  waitForState,
} from './connect-helpers.ts';

// The courses' MongoDB source, pasted as they show it.
const MONGO_SOURCE = {
  name: 'mongo-source',
  config: {
    'connector.class': 'com.mongodb.kafka.connect.MongoSourceConnector',
    'connection.uri': 'mongodb://mongo1:27017/?replicaSet=rs0',
    database: 'quickstart',
    collection: 'sampleData',
    'topic.prefix': 'mongo',
  },
};

/** A TCP server that accepts connections and never answers: a Connect that hangs. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close };
}

/** A loopback port nothing listens on (taken and let go), so connections are refused at once. */
async function closedPortUrl(): Promise<string> {
  const { url, close } = await silentServer();
  await close();
  return url;
}

describe('Kafka Connect: clusters, plugins and refusals (real worker)', async () => {
  const hanging = await silentServer();
  afterAll(() => hanging.close());
  const closedPort = await closedPortUrl();
  const app = await buildConnectApp(
    [
      { name: 'down', url: closedPort },
      { name: 'hanging', url: hanging.url },
    ],
    // Short enough for the hanging cluster's test, long enough for the real worker on a loaded runner.
    4000,
  );
  const dir = scratchDir();

  it("lists the Connect clusters with the worker's version, and the installed connector plugins", async () => {
    const connects = (await app.inject({ url: '/api/clusters/local/connects' })).json<ConnectList>();
    expect(connects.find((c) => c.name === 'local')).toMatchObject({
      status: 'online',
      version: expect.stringMatching(/^4\./),
      commit: expect.any(String),
      kafkaClusterId: expect.any(String),
    });
    expect(connects.find((c) => c.name === 'down')).toMatchObject({ status: 'offline', version: null });

    const plugins = await app.inject({ url: '/api/clusters/local/connects/local/plugins' });
    expect(plugins.json<ConnectorPluginList>()).toEqual(
      expect.arrayContaining([
        {
          class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          type: 'source',
          version: expect.any(String),
        },
        {
          class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
          type: 'sink',
          version: expect.any(String),
        },
        {
          class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
          type: 'source',
          version: expect.any(String),
        },
      ]),
    );
    const definition = await app.inject({
      url: '/api/clusters/local/connects/local/plugins/FileStreamSource/config',
    });
    const keys = definition.json<PluginConfigDefinition>();
    expect(keys.find((k) => k.name === 'topic')).toMatchObject({ required: true, type: 'STRING' });
    expect(keys.find((k) => k.name === 'batch.size')).toMatchObject({ required: false, default: '2000' });
  });

  it('refuses the MongoDB source config with a sentence naming the plugin and where its jar goes', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/connects/local/connectors',
      payload: MONGO_SOURCE,
    });
    expect(res.statusCode).toBe(400);
    const message: string = res.json().message;
    expect(message).toMatch(
      /^The connector plugin "com\.mongodb\.kafka\.connect\.MongoSourceConnector" is not installed on Kafka Connect cluster "local"\. Installed: .*FileStreamSourceConnector/,
    );
    expect(message).toContain(`put its jars in a folder of their own under ${defaultConnectPluginPath()}`);
  });

  it("answers a config Connect refuses with Connect's per-field messages, creating nothing", async () => {
    const name = uniqueName('invalid');
    const res = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/connects/local/connectors',
      payload: { name, config: { 'connector.class': 'FileStreamSource', 'batch.size': 'many' } },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; fields: { name: string; errors: string[] }[] }>();
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { name: 'topic', errors: [expect.stringMatching(/Missing required configuration "topic"/)] },
        { name: 'batch.size', errors: [expect.stringMatching(/Invalid value many/)] },
      ]),
    );
    expect((await app.inject({ url: connectorUrl(name) })).statusCode).toBe(404);
  });

  it('a duplicate name is 409, a config change is validated first, an unknown connector is 404', async () => {
    const name = await createConnector(app, 'dup', {
      'connector.class': 'FileStreamSource',
      file: join(dir, 'dup.txt'),
      topic: uniqueName('dup'),
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/connects/local/connectors',
      payload: { name, config: { 'connector.class': 'FileStreamSource', topic: 't' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      `A connector named "${name}" already exists on Kafka Connect cluster "local".`,
    );

    // Changing the config is validated the same way before anything changes.
    const badUpdate = await app.inject({
      method: 'PUT',
      url: connectorUrl(name, '/config'),
      payload: { 'connector.class': 'FileStreamSource', topic: 't', 'batch.size': 'x' },
    });
    expect(badUpdate.statusCode).toBe(400);
    expect(badUpdate.json().fields).toEqual([
      { name: 'batch.size', errors: [expect.stringMatching(/Invalid value x/)] },
    ]);
    const newTopic = uniqueName('dup-moved');
    const updated = await app.inject({
      method: 'PUT',
      url: connectorUrl(name, '/config'),
      payload: { 'connector.class': 'FileStreamSource', file: join(dir, 'dup.txt'), topic: newTopic },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().config).toMatchObject({ topic: newTopic, name });
    const unknown = await app.inject({
      method: 'PUT',
      url: connectorUrl('no-such-connector', '/config'),
      payload: { 'connector.class': 'FileStreamSource', topic: 't' },
    });
    expect(unknown.statusCode).toBe(404);

    const missing = await app.inject({ url: connectorUrl('no-such-connector') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe(
      'No connector named "no-such-connector" on Kafka Connect cluster "local".',
    );
  });

  it('a failing connector shows FAILED with its trace; restarting the task works once its file can be opened', async () => {
    const missingDir = join(dir, 'not-yet');
    const name = await createConnector(app, 'failing-sink', {
      'connector.class': 'FileStreamSink',
      topics: uniqueName('failing'),
      file: join(missingDir, 'out.txt'),
    });
    // The connector itself runs; its task is what fails.
    const failed = await waitFor('the task to fail', async () => {
      const d = await detail(app, name);
      return d.tasks[0]?.state === 'FAILED' ? d : undefined;
    });
    expect(failed.state).toBe('RUNNING');
    expect(failed.tasks[0]?.trace).toMatch(/Couldn't find or create file/);

    const listed = await app.inject({ url: `/api/clusters/local/connectors?search=${name}` });
    expect(listed.json<ConnectorList>().items[0]).toMatchObject({ tasksTotal: 1, tasksFailed: 1 });

    mkdirSync(missingDir);
    const restart = await app.inject({ method: 'POST', url: connectorUrl(name, '/tasks/0/actions/restart') });
    expect(restart.statusCode, restart.body).toBe(204);
    await waitForState(app, name, 'RUNNING');
    expect((await detail(app, name)).tasks[0]?.trace).toBeUndefined();

    const noTask = await app.inject({ method: 'POST', url: connectorUrl(name, '/tasks/7/actions/restart') });
    expect(noTask.statusCode).toBe(404);
    // Connector-level restart with Connect's own parameters.
    await action(app, name, 'restart', '?includeTasks=true&onlyFailed=true');

    const deleted = await app.inject({ method: 'DELETE', url: connectorUrl(name) });
    expect(deleted.statusCode).toBe(204);
    await waitFor('the connector to be gone', async () =>
      (await app.inject({ url: connectorUrl(name) })).statusCode === 404 ? true : undefined,
    );
  });

  it('Connect down: 503 naming the Connect cluster within the deadline; the rest of the console works', async () => {
    const refused = await app.inject({ url: '/api/clusters/local/connects/down/plugins' });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toEqual({
      requestId: expect.any(String),
      code: 'CONNECT_UNAVAILABLE',
      message: `Kafka Connect cluster "down" is unreachable at ${closedPort} (connection refused).`,
    });

    const began = Date.now();
    const hung = await app.inject({ url: '/api/clusters/local/connects/hanging/connectors/x' });
    expect(hung.statusCode).toBe(503);
    expect(hung.json().message).toBe(
      `Kafka Connect cluster "hanging" is unreachable at ${hanging.url} (no answer within 4 s).`,
    );
    // The deadline (4 s) ends the wait, not the socket: generous bound against a busy machine.
    expect(Date.now() - began).toBeLessThan(15_000);

    const only = await app.inject({ url: '/api/clusters/local/connectors?connect=down' });
    expect(only.statusCode).toBe(503);
    const all = await app.inject({ url: '/api/clusters/local/connectors' });
    expect(all.statusCode).toBe(200);
    expect(all.json<ConnectorList>().unavailable.map((u) => u.connect)).toEqual(['down', 'hanging']);

    expect((await app.inject({ url: '/api/clusters/local/topics' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/clusters/local/connects/nope/plugins' })).statusCode).toBe(404);
  });
});
