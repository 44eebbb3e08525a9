import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { connectTopics, kafkaVersion, startConnectWorker, type ConnectWorker } from '../src/index.ts';
import { sharedConnect, sharedKafkaBrokers, uniqueName } from '../src/testing/index.ts';

interface Plugin {
  class: string;
  type: string;
  version: string;
}

function isRunning(pid: number): boolean {
  return execFileSync('ps', ['-eo', 'pid'], { encoding: 'utf8' })
    .split('\n')
    .some((line) => line.trim() === String(pid));
}

describe('the shared Connect worker', () => {
  it("runs the broker's Kafka version with the file and MirrorMaker connectors", async () => {
    const url = await sharedConnect();
    const root = (await (await fetch(`${url}/`)).json()) as { version: string; kafka_cluster_id: string };
    expect(root.version).toBe(kafkaVersion());
    const plugins = (await (await fetch(`${url}/connector-plugins`)).json()) as Plugin[];
    expect(plugins.map((p) => p.class)).toEqual(
      expect.arrayContaining([
        'org.apache.kafka.connect.file.FileStreamSourceConnector',
        'org.apache.kafka.connect.file.FileStreamSinkConnector',
        'org.apache.kafka.connect.mirror.MirrorSourceConnector',
        'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
        'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
      ]),
    );
  });
});

describe('a Connect worker of its own', () => {
  let worker: ConnectWorker | undefined;
  const pluginPath = join(mkdtempSync(join(tmpdir(), 'tributary-plugins-')), 'plugins');
  afterAll(async () => {
    await worker?.stop();
    rmSync(join(pluginPath, '..'), { recursive: true, force: true });
  });

  it('keeps its topics on the cluster, uses the given plugin folder, and stops leaving no JVM', async () => {
    const groupId = uniqueName('connect-test');
    worker = await startConnectWorker({ bootstrapServers: sharedKafkaBrokers(), groupId, pluginPath });
    expect(worker.state).toBe('running');
    expect(existsSync(pluginPath)).toBe(true);
    // For the notes on its footprint (no assertion on speed).
    console.log(
      `Connect worker: ready ${worker.startMs} ms after launch, ${Math.round((worker.rssBytes() ?? 0) / 2 ** 20)} MB resident`,
    );

    const admin = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = Object.values(connectTopics(groupId));
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(topics));
    const { topics: described } = await admin.fetchTopicMetadata({ topics });
    for (const t of described) expect(t.partitions[0]?.replicas).toHaveLength(1);

    const pid = worker.pid!;
    const url = worker.url;
    await worker.stop();
    expect(worker.state).toBe('stopped');
    expect(isRunning(pid)).toBe(false);
    await expect(fetch(`${url}/connectors`)).rejects.toThrow();
    await admin.deleteTopics({ topics });
    await admin.disconnect();
  });
});
