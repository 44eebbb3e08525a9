import { describe, expect, it } from 'vitest';
import { parseJavaMajor } from './prerequisites.ts';
import { nodeProperties } from './properties.ts';
import { clusterIdOf } from './local-kafka.ts';

describe('parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('nothing here')).toBeUndefined();
  });
});

describe('nodeProperties', () => {
  const nodes = [1, 2, 3].map((id) => ({ id, client: 9000 + id, controller: 9100 + id, sasl: 9200 + id }));

  it('lists every voter and uses replication 3 with min ISR 2 in a 3-node cluster', () => {
    const props = nodeProperties(nodes[1]!, nodes, '/data', undefined);
    expect(props).toContain('node.id=2\n');
    expect(props).toContain('controller.quorum.voters=1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103\n');
    expect(props).toContain('offsets.topic.replication.factor=3\n');
    expect(props).toContain('transaction.state.log.min.isr=2\n');
    expect(props).not.toContain('SASL_PLAINTEXT://');
  });

  it('adds a SASL listener with PLAIN users when asked', () => {
    const props = nodeProperties(nodes[0]!, [nodes[0]!], '/data', {
      plain: [{ username: 'u', password: 'p' }],
      scram: [],
    });
    expect(props).toContain('SASL_PLAINTEXT://127.0.0.1:9201');
    expect(props).toContain('user_u="p"');
    expect(props).toContain('offsets.topic.replication.factor=1\n');
    expect(props).not.toContain('authorizer');
  });

  it('with an authorizer: StandardAuthorizer, nothing allowed without an ACL, the super users, SCRAM-512', () => {
    const props = nodeProperties(nodes[0]!, [nodes[0]!], '/data', { plain: [], scram: [] }, undefined, true);
    expect(props).toContain(
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n',
    );
    expect(props).toContain('allow.everyone.if.no.acl.found=false\n');
    expect(props).toContain('super.users=User:admin;User:ANONYMOUS\n');
    expect(props).toContain('sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512\n');
  });
});

describe('clusterIdOf', () => {
  it('is 22 URL-safe base64 characters like `kafka-storage random-uuid`', () => {
    expect(clusterIdOf(Buffer.alloc(16, 255))).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never starts with "-", which the storage tool would take for an option', () => {
    // 0xf8 = 111110.. encodes as "-" in the first place without the guard
    expect(Buffer.alloc(16, 0xf8).toString('base64url')).toMatch(/^-/);
    expect(clusterIdOf(Buffer.alloc(16, 0xf8))).toMatch(/^[A-Za-f]/);
  });
});

describe('missing prerequisites', () => {
  const noTools = { ...process.env, PATH: '/nonexistent' };

  it('says what to install, or the alternatives, when Java is missing', async () => {
    const { checkJava } = await import('./prerequisites.ts');
    await expect(checkJava(noTools)).rejects.toThrow(/Java 17 or newer.*KAFKA_BROKERS.*docker compose up/s);
  });

  it('says the same when Maven is missing', async () => {
    const { checkMaven } = await import('./prerequisites.ts');
    await expect(checkMaven(noTools)).rejects.toThrow(/Maven is needed.*KAFKA_HOME.*KAFKA_BROKERS/s);
  });
});
