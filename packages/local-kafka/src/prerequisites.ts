import { exec } from './exec.ts';
import { ALTERNATIVES, LocalKafkaError } from './errors.ts';

const MIN_JAVA = 17;

/** Kafka 4.x brokers need Java 17+; say so plainly instead of failing with UnsupportedClassVersionError. */
export async function checkJava(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let output: string;
  try {
    const result = await exec('java', ['-version'], { env });
    output = result.stderr + result.stdout;
  } catch {
    throw new LocalKafkaError(
      `Java ${MIN_JAVA} or newer is needed to run the local Kafka, and no \`java\` was found on PATH. Install a JDK (e.g. \`apt-get install openjdk-17-jre-headless\`). ${ALTERNATIVES}`,
    );
  }
  const version = parseJavaMajor(output);
  if (version === undefined || version < MIN_JAVA) {
    throw new LocalKafkaError(
      `Java ${MIN_JAVA} or newer is needed to run the local Kafka; found ${version ?? 'an unknown version'}. ${ALTERNATIVES}`,
    );
  }
  return version;
}

/** Reads the major version from `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

export async function checkMaven(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const result = await exec('mvn', ['-v'], { env });
    if (result.code !== 0) throw new Error(result.stderr);
  } catch {
    throw new LocalKafkaError(
      `Maven is needed once to download the Kafka jars, and no \`mvn\` was found on PATH. Install it (e.g. \`apt-get install maven\`), or set KAFKA_HOME to an unpacked Apache Kafka. ${ALTERNATIVES}`,
    );
  }
}
