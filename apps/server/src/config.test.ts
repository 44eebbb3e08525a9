import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8080 and no cluster (the embedded Kafka)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, clusters: [], exportEnabled: true });
  });

  it('takes KAFKA_BROKERS as the cluster `local` and PORT as the port', () => {
    const config = loadConfig({ KAFKA_BROKERS: 'a:9092, b:9093', PORT: '9999' });
    expect(config.port).toBe(9999);
    expect(config.clusters).toEqual([{ name: 'local', bootstrapServers: ['a:9092', 'b:9093'] }]);
  });

  it('refuses bad values with a sentence naming them', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'no-port' })).toThrow(
      new ConfigError('KAFKA_BROKERS: "no-port" is not host:port'),
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty" is not a port number/);
    expect(() => loadConfig({ TRIBUTARY_EXPORT_ENABLED: 'maybe' })).toThrow(/not a boolean/);
    expect(() => loadConfig({ TRIBUTARY_LOCAL_ACL: 'maybe' })).toThrow(/TRIBUTARY_LOCAL_ACL.*not a boolean/);
  });

  it('TRIBUTARY_LOCAL_ACL asks for an authorizing local Kafka; unset, nothing changes', () => {
    expect(loadConfig({ TRIBUTARY_LOCAL_ACL: '1' }).localAcl).toBe(true);
    expect(loadConfig({}).localAcl).toBeUndefined();
    expect(loadConfig({ TRIBUTARY_LOCAL_ACL: 'false' }).localAcl).toBeUndefined();
  });

  it('reads clusters from a JSON file and rejects unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-config-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({ clusters: [{ name: 'prod', bootstrapServers: ['k1:9092'] }], exportEnabled: false }),
    );
    expect(loadConfig({ TRIBUTARY_CONFIG: good })).toMatchObject({
      clusters: [{ name: 'prod' }],
      exportEnabled: false,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ clusterz: [] }));
    expect(() => loadConfig({ TRIBUTARY_CONFIG: bad })).toThrow(/unknown key "clusterz"/);
  });

  it('reads the safety settings (issue 10) from the environment, with safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      allowedHosts: [],
      allowInternalTopicChanges: false,
      searchesMax: 8,
      exportsMax: 4,
      uploadMaxBytes: 64 * 2 ** 20,
    });
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(
      loadConfig({
        TRIBUTARY_ALLOWED_HOSTS: 'Kafka.Example.com, tributary:8443',
        TRIBUTARY_PUBLIC_URL: 'https://kafka.example.com/',
        TRIBUTARY_ALLOW_INTERNAL_TOPIC_CHANGES: 'true',
        TRIBUTARY_SEARCHES_MAX: '2',
        TRIBUTARY_EXPORTS_MAX: '1',
        TRIBUTARY_UPLOAD_MAX_BYTES: '1048576',
      }),
    ).toMatchObject({
      allowedHosts: ['kafka.example.com', 'tributary:8443'],
      publicUrl: 'https://kafka.example.com/',
      allowInternalTopicChanges: true,
      searchesMax: 2,
      exportsMax: 1,
      uploadMaxBytes: 1048576,
    });
    expect(() => loadConfig({ TRIBUTARY_ALLOWED_HOSTS: 'evil.example/path' })).toThrow(
      /TRIBUTARY_ALLOWED_HOSTS: "evil.example\/path" is not a host name/,
    );
    expect(() => loadConfig({ TRIBUTARY_PUBLIC_URL: 'kafka.example.com' })).toThrow(/is not a URL/);
    expect(() => loadConfig({ TRIBUTARY_SEARCHES_MAX: '0' })).toThrow(/TRIBUTARY_SEARCHES_MAX="0"/);
  });

  it("takes Connect clusters from the file and from kafka-ui's environment names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-config-'));
    const file = join(dir, 'connect.json');
    writeFileSync(
      file,
      JSON.stringify({
        clusters: [
          {
            name: 'prod',
            bootstrapServers: ['k1:9092'],
            connect: [{ name: 'main', url: 'http://c1:8083/', username: 'u', password: 'p' }],
          },
        ],
      }),
    );
    expect(loadConfig({ TRIBUTARY_CONFIG: file }).clusters[0]?.connect).toEqual([
      { name: 'main', url: 'http://c1:8083', username: 'u', password: 'p' },
    ]);
    const env = loadConfig({
      KAFKA_BROKERS: 'k:9092',
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: 'first',
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: 'http://connect:8083',
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: 'https://other:8083',
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_USERNAME: 'admin',
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_PASSWORD: 'secret',
    });
    expect(env.clusters[0]?.connect).toEqual([
      { name: 'first', url: 'http://connect:8083' },
      { name: 'connect-1', url: 'https://other:8083', username: 'admin', password: 'secret' },
    ]);
  });

  it('refuses a Connect entry it cannot use, naming it', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'k:9092', KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: 'x' })).toThrow(
      /KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS is missing/,
    );
    expect(() =>
      loadConfig({ KAFKA_BROKERS: 'k:9092', KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: 'connect:8083' }),
    ).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => loadConfig({ KAFKA_CLUSTERS_1_KAFKACONNECT_0_ADDRESS: 'http://c:8083' })).toThrow(
      /names cluster 1, but 0 cluster\(s\) are configured/,
    );
  });
  it("reads a cluster's Schema Registry from the file and from kafka-ui's environment names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        clusters: [
          {
            name: 'main',
            bootstrapServers: ['k1:9092'],
            schemaRegistry: { url: 'http://sr:8081/', username: 'u', password: 'p' },
          },
        ],
      }),
    );
    expect(loadConfig({ TRIBUTARY_CONFIG: file }).clusters[0]?.schemaRegistry).toEqual({
      url: 'http://sr:8081',
      username: 'u',
      password: 'p',
    });
    // The environment wins field by field: a password alone may come from a secret.
    expect(
      loadConfig({ TRIBUTARY_CONFIG: file, KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD: 'secret' })
        .clusters[0]?.schemaRegistry,
    ).toEqual({ url: 'http://sr:8081', username: 'u', password: 'secret' });
    const env = loadConfig({
      KAFKA_BROKERS: 'k:9092',
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'https://registry.example:8081',
      KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME: 'admin',
      KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD: 'pw',
    });
    expect(env.clusters[0]?.schemaRegistry).toEqual({
      url: 'https://registry.example:8081',
      username: 'admin',
      password: 'pw',
    });
  });

  it('refuses a Schema Registry entry it cannot use, naming it', () => {
    expect(() =>
      loadConfig({ KAFKA_BROKERS: 'k:9092', KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME: 'x' }),
    ).toThrow(/KAFKA_CLUSTERS_0_SCHEMAREGISTRY is missing/);
    expect(() => loadConfig({ KAFKA_BROKERS: 'k:9092', KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'sr:8081' })).toThrow(
      /must start with http:\/\/ or https:\/\//,
    );
    expect(() => loadConfig({ KAFKA_CLUSTERS_2_SCHEMAREGISTRY: 'http://sr:8081' })).toThrow(
      /names cluster 2, but 0 cluster\(s\) are configured/,
    );
  });
});
