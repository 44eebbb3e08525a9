import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec.ts';
import { LocalKafkaError } from './errors.ts';
import { checkMaven } from './prerequisites.ts';

const POM = join(dirname(fileURLToPath(import.meta.url)), '..', 'maven', 'pom.xml');

/** The Kafka version pinned in the pom. */
export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!match?.[1]) throw new LocalKafkaError(`No <kafka.version> in ${POM}`);
  return match[1];
}

/** Outside the work tree, so a fresh clone or a second start does not download again. */
export function cacheRoot(): string {
  return (
    process.env.TRIBUTARY_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tributary')
  );
}

export interface KafkaClasspath {
  /** A Java classpath (directory wildcard) with the broker and the command-line tools. */
  classpath: string;
  source: 'KAFKA_HOME' | 'maven';
  version: string;
}

/**
 * Where the Kafka jars come from: `KAFKA_HOME/libs` when the user has a distribution, else the jars the pom
 * resolves, copied once into the cache (the `.complete` marker guards against a half-finished copy).
 */
export async function resolveKafkaJars(log: (line: string) => void = () => {}): Promise<KafkaClasspath> {
  const kafkaHome = process.env.KAFKA_HOME;
  if (kafkaHome) {
    const libs = join(kafkaHome, 'libs');
    if (!existsSync(libs) || !readdirSync(libs).some((f) => f.startsWith('kafka_'))) {
      throw new LocalKafkaError(
        `KAFKA_HOME=${kafkaHome} has no libs/kafka_*.jar; point it at an unpacked Apache Kafka distribution.`,
      );
    }
    return { classpath: `${libs}/*`, source: 'KAFKA_HOME', version: 'from KAFKA_HOME' };
  }
  const version = kafkaVersion();
  const libDir = join(cacheRoot(), `kafka-${version}`, 'lib');
  await copyPomJars(POM, libDir, `Apache Kafka ${version}`, [], log);
  return { classpath: `${libDir}/*`, source: 'maven', version };
}

/**
 * Copies the runtime jars a pom resolves into `libDir`, once: the `.complete` marker guards against a
 * half-finished copy, and the staging directory makes the final rename atomic.
 */
export async function copyPomJars(
  pom: string,
  libDir: string,
  what: string,
  properties: string[],
  log: (line: string) => void,
): Promise<void> {
  if (existsSync(join(libDir, '.complete'))) return;
  await checkMaven();
  log(`Resolving ${what} jars with Maven (once; cached in ${libDir}) ...`);
  const staging = `${libDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await exec('mvn', [
    '-B',
    '-q',
    '-f',
    pom,
    ...properties,
    'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ]);
  if (result.code !== 0) {
    throw new LocalKafkaError(
      `Maven could not resolve the ${what} jars:\n${(result.stdout + result.stderr).trim().slice(-2000)}`,
    );
  }
  writeFileSync(join(staging, '.complete'), new Date().toISOString());
  mkdirSync(dirname(libDir), { recursive: true });
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
}
