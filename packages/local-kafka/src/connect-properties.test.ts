import { describe, expect, it } from 'vitest';
import { connectTopics, connectWorkerProperties } from './connect-properties.ts';

const parse = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );

describe('connect-distributed.properties', () => {
  const base = {
    bootstrapServers: ['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3'],
    restPort: 8083,
    groupId: 'connect-cluster',
    pluginPath: '/plugins',
    replicationFactor: 3,
    pluginDiscovery: 'service_load' as const,
    extra: {},
  };

  it('puts the internal topics on the cluster with its replication and listens on loopback', () => {
    const props = parse(connectWorkerProperties(base));
    expect(props).toMatchObject({
      'bootstrap.servers': '127.0.0.1:1,127.0.0.1:2,127.0.0.1:3',
      listeners: 'http://127.0.0.1:8083',
      'config.storage.topic': 'connect-configs',
      'config.storage.replication.factor': '3',
      'offset.storage.replication.factor': '3',
      'status.storage.replication.factor': '3',
      'plugin.path': '/plugins',
      'plugin.discovery': 'service_load',
    });
  });

  it('names the topics after a group of its own, and extra properties win', () => {
    expect(connectTopics('lab')).toEqual({
      config: 'lab-configs',
      offset: 'lab-offsets',
      status: 'lab-status',
    });
    const props = parse(
      connectWorkerProperties({ ...base, groupId: 'lab', extra: { 'offset.flush.interval.ms': 50 } }),
    );
    expect(props['offset.storage.topic']).toBe('lab-offsets');
    expect(props['offset.flush.interval.ms']).toBe('50');
  });
});
