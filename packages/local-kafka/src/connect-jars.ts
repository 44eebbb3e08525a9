import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, copyPomJars, kafkaVersion, type KafkaClasspath } from './jars.ts';
import { LocalKafkaError } from './errors.ts';

const MAVEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'maven');

/** The log4j version the broker pom pins, so the worker logs through the same binding. */
function log4jVersion(): string {
  const match = /<log4j\.version>([^<]+)<\/log4j\.version>/.exec(
    readFileSync(join(MAVEN_DIR, 'pom.xml'), 'utf8'),
  );
  if (!match?.[1]) throw new LocalKafkaError('No <log4j.version> in maven/pom.xml');
  return match[1];
}

/**
 * The Connect worker's classpath: `KAFKA_HOME/libs` (a distribution ships connect-* and its connectors),
 * else connect-runtime, connect-json, connect-file and connect-mirror of the broker's Kafka version,
 * resolved by Maven once into the cache.
 */
export async function resolveConnectJars(log: (line: string) => void = () => {}): Promise<KafkaClasspath> {
  const kafkaHome = process.env.KAFKA_HOME;
  if (kafkaHome) {
    const libs = join(kafkaHome, 'libs');
    if (!existsSync(libs) || !readdirSync(libs).some((f) => f.startsWith('connect-runtime-'))) {
      throw new LocalKafkaError(
        `KAFKA_HOME=${kafkaHome} has no libs/connect-runtime-*.jar; point it at an unpacked Apache Kafka distribution.`,
      );
    }
    return { classpath: `${libs}/*`, source: 'KAFKA_HOME', version: 'from KAFKA_HOME' };
  }
  const version = kafkaVersion();
  const libDir = join(cacheRoot(), `connect-${version}`, 'lib');
  await copyPomJars(
    join(MAVEN_DIR, 'connect-pom.xml'),
    libDir,
    `Kafka Connect ${version}`,
    [`-Dkafka.version=${version}`, `-Dlog4j.version=${log4jVersion()}`],
    log,
  );
  return { classpath: `${libDir}/*`, source: 'maven', version };
}
