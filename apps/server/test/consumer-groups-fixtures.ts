// Real consumers no one here wrote — kcat (librdkafka), Python kafka-python-ng, Kafka's console consumer —
// and Kafka's own `kafka-consumer-groups --describe`, the yardstick the API is compared with.
import { spawn, type ChildProcess } from 'node:child_process';
import { homedir } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { resolveKafkaJars, runKafkaTool } from '@tributary/local-kafka';

export const python = process.env.TRIBUTARY_PYTHON ?? `${homedir()}/.cache/tributary/python/bin/python`;

function run(
  command: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** A topic with `partitions` partitions and `perPartition` keyed messages in each (kafkajs only arranges). */
export async function createTopicWithMessages(
  brokers: string[],
  topic: string,
  partitions: number,
  perPartition: number,
) {
  await createTopic(brokers, topic, partitions);
  await produce(brokers, topic, partitions, perPartition);
}

/**
 * Creates a topic and waits until every partition has a leader. kafkajs's own `waitForLeaders` gives up on
 * a transient UNKNOWN_TOPIC_OR_PARTITION from a busy broker, so the wait is done here.
 */
export async function createTopic(
  brokers: string[],
  topic: string,
  partitions: number,
  configEntries: { name: string; value: string }[] = [],
) {
  const kafka = new Kafka({ clientId: 'cg-test', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, configEntries }],
      waitForLeaders: false,
    });
    await eventually(
      async () => {
        const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
        if (meta?.partitions.length !== partitions || meta.partitions.some((p) => p.leader < 0))
          throw new Error(`topic ${topic} has no leaders yet`);
      },
      30_000,
      200,
    );
  } finally {
    await admin.disconnect();
  }
}

export async function produce(brokers: string[], topic: string, partitions: number, perPartition: number) {
  const kafka = new Kafka({ clientId: 'cg-test', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  for (let p = 0; p < partitions; p++) {
    await producer.send({
      topic,
      messages: Array.from({ length: perPartition }, (_, i) => ({
        partition: p,
        key: `k${i}`,
        value: `v${p}-${i}`,
      })),
    });
  }
  await producer.disconnect();
}

/** `kcat -G group topic -c n`: consumes n messages from the beginning, commits, leaves. */
export async function kcatConsume(brokers: string[], group: string, topic: string, n: number) {
  const r = await run('kcat', [
    '-b',
    brokers.join(','),
    '-G',
    group,
    topic,
    '-c',
    String(n),
    '-q',
    '-X',
    'auto.offset.reset=earliest',
  ]);
  if (r.code !== 0) throw new Error(`kcat failed: ${r.err}`);
}

/** A kcat -G member that keeps running (until stop()): the group stays active. */
export function kcatMember(brokers: string[], group: string, topic: string): { stop: () => Promise<void> } {
  const child = spawn(
    'kcat',
    ['-b', brokers.join(','), '-G', group, topic, '-q', '-X', 'auto.offset.reset=earliest'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return { stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** kafka-python-ng: poll until n records, commit them (with metadata), close. */
export async function pythonConsume(
  brokers: string[],
  group: string,
  topic: string,
  n: number,
  metadata = '',
) {
  const script = `
import sys
from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata
c = KafkaConsumer(sys.argv[2], group_id=sys.argv[3], bootstrap_servers=sys.argv[1].split(','),
                  auto_offset_reset='earliest', enable_auto_commit=False, max_poll_records=int(sys.argv[4]))
want, seen, pos = int(sys.argv[4]), 0, {}
while seen < want:
    for tp, records in c.poll(timeout_ms=1000, max_records=want - seen).items():
        for r in records:
            pos[tp] = r.offset + 1
            seen += 1
c.commit({tp: OffsetAndMetadata(o, sys.argv[5]) for tp, o in pos.items()})
c.close()
`;
  const r = await run(python, ['-c', script, brokers.join(','), topic, group, String(n), metadata]);
  if (r.code !== 0) throw new Error(`kafka-python-ng failed: ${r.err}`);
}

/** Kafka's console consumer with --group: consumes n from the beginning and commits on exit. */
export async function consoleConsume(brokers: string[], group: string, topic: string, n: number) {
  const r = await runKafkaTool('kafka-console-consumer', [
    '--bootstrap-server',
    brokers.join(','),
    '--topic',
    topic,
    '--group',
    group,
    '--max-messages',
    String(n),
    '--from-beginning',
    '--timeout-ms',
    '30000',
  ]);
  if (r.code !== 0) throw new Error(`kafka-console-consumer failed: ${r.stderr}`);
}

/** A long-running console consumer of the KIP-848 protocol (group.protocol=consumer), until stop(). */
export async function consumerProtocolMember(brokers: string[], group: string, topic: string) {
  const { classpath } = await resolveKafkaJars();
  const child = spawn(
    'java',
    [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      '-cp',
      classpath,
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server',
      brokers.join(','),
      '--topic',
      topic,
      '--group',
      group,
      '--from-beginning',
      '--consumer-property',
      'group.protocol=consumer',
      '--consumer-property',
      'client.id=kip848-client',
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  return { stop: () => stopChild(child) };
}

export interface ToolRow {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

/** Parses the table of `kafka-consumer-groups --describe --group g` (`-` becomes null). */
export async function describeWithTool(brokers: string[], group: string): Promise<ToolRow[]> {
  const r = await runKafkaTool('kafka-consumer-groups', [
    '--bootstrap-server',
    brokers.join(','),
    '--describe',
    '--group',
    group,
  ]);
  if (r.code !== 0) throw new Error(`kafka-consumer-groups failed: ${r.stderr}`);
  const lines = r.stdout.split('\n').map((l) => l.trim());
  const header = lines.findIndex((l) => l.startsWith('GROUP') && l.includes('CURRENT-OFFSET'));
  if (header < 0) throw new Error(`no table in: ${r.stdout}${r.stderr}`);
  const dash = (v: string | undefined) => (v === undefined || v === '-' ? null : v);
  const num = (v: string | undefined) => (dash(v) === null ? null : Number(v));
  return lines
    .slice(header + 1)
    .filter(Boolean)
    .map((line) => {
      const [, topic = '', partition, current, end, lag, consumerId, host, clientId] = line.split(/\s+/);
      return {
        topic,
        partition: Number(partition),
        currentOffset: num(current),
        logEndOffset: Number(end),
        lag: num(lag),
        consumerId: dash(consumerId),
        host: dash(host),
        clientId: dash(clientId),
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Retries `check` until it passes (consumers join and commit asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, everyMs = 500): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
