import { exec, type ExecResult } from './exec.ts';
import { resolveKafkaJars } from './jars.ts';
import { TOOLS_LOG4J2_PROPERTIES } from './properties.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Kafka's own command-line tools, by the names our users type (`kafka-topics.sh` without `.sh`). */
export const KAFKA_TOOLS = {
  'kafka-topics': 'org.apache.kafka.tools.TopicCommand',
  'kafka-configs': 'kafka.admin.ConfigCommand',
  'kafka-console-producer': 'org.apache.kafka.tools.ConsoleProducer',
  'kafka-console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'kafka-consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  'kafka-get-offsets': 'org.apache.kafka.tools.GetOffsetShell',
} as const;
export type KafkaTool = keyof typeof KAFKA_TOOLS;

let toolsLog4j: string | undefined;

/**
 * Runs one of Kafka's tools from the same jars as the broker, e.g.
 * `runKafkaTool('kafka-consumer-groups', ['--bootstrap-server', b, '--describe', '--group', 'g'])`.
 */
export async function runKafkaTool(
  tool: KafkaTool,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const jars = await resolveKafkaJars();
  if (!toolsLog4j) {
    toolsLog4j = join(mkdtempSync(join(tmpdir(), 'tributary-tools-')), 'log4j2.properties');
    writeFileSync(toolsLog4j, TOOLS_LOG4J2_PROPERTIES);
  }
  const javaArgs = [
    '-Xmx256m',
    '-XX:TieredStopAtLevel=1',
    `-Dlog4j2.configurationFile=${toolsLog4j}`,
    '-cp',
    jars.classpath,
    KAFKA_TOOLS[tool],
    ...args,
  ];
  return exec('java', javaArgs, {
    ...(options.input !== undefined ? { input: options.input } : {}),
    timeout: options.timeoutMs ?? 60_000,
  });
}
