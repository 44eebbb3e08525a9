import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kafkaVersion, resolveKafkaJars } from './jars.ts';

describe('resolveKafkaJars', () => {
  const saved = process.env.KAFKA_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.KAFKA_HOME;
    else process.env.KAFKA_HOME = saved;
  });

  it('uses the libs of an unpacked distribution in KAFKA_HOME', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kafka-home-'));
    mkdirSync(join(home, 'libs'));
    writeFileSync(join(home, 'libs', 'kafka_2.13-4.3.1.jar'), '');
    process.env.KAFKA_HOME = home;
    await expect(resolveKafkaJars()).resolves.toMatchObject({
      classpath: `${home}/libs/*`,
      source: 'KAFKA_HOME',
    });
  });

  it('says what is wrong when KAFKA_HOME is not a Kafka distribution', async () => {
    process.env.KAFKA_HOME = mkdtempSync(join(tmpdir(), 'not-kafka-'));
    await expect(resolveKafkaJars()).rejects.toThrow(/has no libs\/kafka_\*\.jar/);
  });

  it('pins a Kafka 4.x version in the pom', () => {
    expect(kafkaVersion()).toMatch(/^4\.\d+\.\d+$/);
  });
});
