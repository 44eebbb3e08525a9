// Issue 10: the configuration file in YAML, kafka-ui's cluster variables, secrets from files, safe default.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

const dir = mkdtempSync(join(tmpdir(), 'tributary-config-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$abc$def';

describe('configuration file and kafka-ui variables', () => {
  it('reads YAML with users, read-only clusters and secrets kept in files', () => {
    const secretFile = write('sasl-password', 's3cret\n');
    const ca = write('ca.pem', PEM);
    const path = write(
      'tributary.yaml',
      `clusters:
  - name: prod
    bootstrapServers: [k1:9093]
    readOnly: true
    sasl: { mechanism: scram-sha-512, username: app, passwordFile: ${secretFile} }
    tls: { caFile: ${ca} }
users:
  - username: ann
    passwordHash: "${HASH}"
    roles: admin
  - username: vic
    passwordHash: "${HASH}"
    roles:
      - { role: viewer, clusters: [prod] }
      - { role: operator, clusters: [dev], topics: ["orders-*"] }
`,
    );
    const config = loadConfig({ TRIBUTARY_CONFIG: path });
    expect(config.clusters).toEqual([
      {
        name: 'prod',
        bootstrapServers: ['k1:9093'],
        readOnly: true,
        sasl: { mechanism: 'scram-sha-512', username: 'app', password: 's3cret' },
        tls: { ca: PEM },
      },
    ]);
    expect(config.auth.mode).toBe('local');
    expect(config.auth.users[1]?.grants).toEqual([
      { role: 'viewer', clusters: ['prod'], topics: ['*'], groups: ['*'] },
      { role: 'operator', clusters: ['dev'], topics: ['orders-*'], groups: ['*'] },
    ]);
  });

  it('names the bad key, nested ones too', () => {
    const cases: [string, RegExp][] = [
      [
        'clusters: [{ name: a, bootstrapServers: [k:1], readonly: true }]',
        /unknown key "clusters\[0\]\.readonly"/,
      ],
      [
        'clusters: [{ name: a, bootstrapServers: [k:1], readOnly: "yes" }]',
        /clusters\[0\]\.readOnly must be boolean/,
      ],
      [
        'clusters: [{ name: a, bootstrapServers: [k:1], sasl: { mechanism: gssapi, username: u, password: p } }]',
        /clusters\[0\]\.sasl\.mechanism must be one of "plain", "scram-sha-256", "scram-sha-512"/,
      ],
      [
        'users: [{ username: u, passwordHash: plain, roles: admin }]',
        /users\[0\]\.passwordHash must match pattern/,
      ],
      ['users: [{ username: u, passwordHash: "$argon2id$x", roles: [{ role: root }] }]', /users\[0\]\.roles/],
      ['port: [1', /could not be read as YAML or JSON/],
    ];
    for (const [text, message] of cases)
      expect(() => loadConfig({ TRIBUTARY_CONFIG: write('bad.yaml', text) }), text).toThrow(message);
  });

  it("takes kafka-ui's KAFKA_CLUSTERS_<i>_* names, JAAS lines included", () => {
    const ca = write('truststore.pem', PEM);
    const config = loadConfig({
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k1:9093,k2:9093',
      KAFKA_CLUSTERS_0_READONLY: 'true',
      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: 'SCRAM-SHA-256',
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG:
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="p\\"w";',
      KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: ca,
      KAFKA_CLUSTERS_1_NAME: 'dev',
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: 'd:9092',
      KAFKA_CLUSTERS_1_PROPERTIES_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
      KAFKA_CLUSTERS_1_PROPERTIES_SASL_JAAS_CONFIG:
        'org.apache.kafka.common.security.plain.PlainLoginModule required username=u password=v;',
    });
    expect(config.clusters).toEqual([
      {
        name: 'prod',
        bootstrapServers: ['k1:9093', 'k2:9093'],
        readOnly: true,
        tls: { ca: PEM },
        sasl: { mechanism: 'scram-sha-256', username: 'app', password: 'p"w' },
      },
      {
        name: 'dev',
        bootstrapServers: ['d:9092'],
        sasl: { mechanism: 'plain', username: 'u', password: 'v' },
      },
    ]);
  });

  it('refuses what it cannot use, without quoting a password', () => {
    const jks = write('truststore.jks', '\u00fe\u00ed\u00fe\u00ed binary');
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'p',
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:1',
        KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: jks,
      }),
    ).toThrow(/KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION=.* is not a PEM file/);
    const jaas = () =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'p',
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:1',
        KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG:
          'com.sun.security.auth.module.Krb5LoginModule required password="hush";',
      });
    expect(jaas).toThrow(/must use PlainLoginModule or ScramLoginModule/);
    expect(jaas).not.toThrow(/hush/);
    expect(() => loadConfig({ KAFKA_CLUSTERS_2_NAME: 'x' })).toThrow(/skips a position/);
    expect(() => loadConfig({ KAFKA_CLUSTERS_0_NAME: 'x' })).toThrow(
      /KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS is missing/,
    );
  });

  it('refuses to listen beyond loopback without users unless auth: none is written', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0.0.0.0 would let other machines in/);
    expect(loadConfig({ HOST: '0.0.0.0', TRIBUTARY_AUTH: 'none' }).auth.mode).toBe('none');
    expect(loadConfig({ HOST: '0.0.0.0', TRIBUTARY_CONFIG: write('none.yaml', 'auth: none\n') }).host).toBe(
      '0.0.0.0',
    );
    const users = write('users.yaml', `users: [{ username: a, passwordHash: "${HASH}", roles: admin }]\n`);
    expect(loadConfig({ HOST: '0.0.0.0', TRIBUTARY_CONFIG: users }).auth.mode).toBe('local');
    expect(loadConfig({ HOST: '127.0.0.1' }).auth).toMatchObject({ mode: 'none', users: [] });
  });

  it('takes the session secret from the environment, and where sessions are shared', () => {
    const users = write('users2.yaml', `users: [{ username: a, passwordHash: "${HASH}", roles: admin }]\n`);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ TRIBUTARY_CONFIG: users, TRIBUTARY_SESSION_SECRET: secret }).auth).toMatchObject({
      sessionSecret: secret,
      sessionTopic: '__tributary_auth',
    });
    expect(() => loadConfig({ TRIBUTARY_CONFIG: users, TRIBUTARY_SESSION_SECRET: 'short' })).toThrow(
      /TRIBUTARY_SESSION_SECRET must be at least 32 characters/,
    );
    const elsewhere = write('sessions.yaml', 'sessionCluster: nowhere\nsessionTopic: my-sessions\n');
    expect(() => loadConfig({ TRIBUTARY_CONFIG: elsewhere })).toThrow(
      /sessionCluster "nowhere" is not a configured cluster/,
    );
    expect(
      loadConfig({ TRIBUTARY_CONFIG: elsewhere, KAFKA_BROKERS: 'k:1', KAFKA_CLUSTER_NAME: 'nowhere' }).auth,
    ).toMatchObject({
      sessionCluster: 'nowhere',
      sessionTopic: 'my-sessions',
    });
  });
});
