// Why: kafkajs 2.2.4 has no AlterPartitionReassignments, ListPartitionReassignments or ElectLeaders, and
// @platformatic/kafka 1.35 has codecs for the first two only (and throws away the per-partition answers of
// the first): these codecs follow Kafka 4.x's message schemas and go through the library's connection (same
// SASL/TLS). Any broker takes them: in KRaft it forwards them to the active controller.
import { createAPI, protocolErrorsCodesById, Writer, type Reader } from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { toDomainError } from '../errors.ts';
import { runGap } from './errors.ts';
import { bootstrapConnection } from './protocol.ts';

/** One partition's answer: null when it went through, else Kafka's error name and sentence. */
export interface PartitionAnswer {
  topic: string;
  partition: number;
  error: { name: string; message: string } | null;
}

export interface ListedReassignment {
  topic: string;
  partition: number;
  /** Every replica while it moves: the target plus those still being removed. */
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

type TopicPartitions = { name: string; partitions: number[] }[];

const errorName = (code: number) => protocolErrorsCodesById[code] ?? `error ${code}`;

function partitionAnswer(topic: string, r: Reader): PartitionAnswer {
  const partition = r.readInt32();
  const code = r.readInt16();
  const message = r.readNullableString();
  r.readTaggedFields();
  return {
    topic,
    partition,
    error: code === 0 ? null : { name: errorName(code), message: message ?? errorName(code) },
  };
}

/** A top-level error code: the whole request failed (e.g. not authorized). */
function checkTopLevel(code: number, message: string | null): void {
  if (code !== 0)
    throw toDomainError({
      name: 'KafkaProtocolError',
      type: errorName(code),
      message: message ?? errorName(code),
    });
}

// AlterPartitionReassignments v0 => timeout_ms [topics: name [partitions: partition_index [replicas]]];
// null replicas cancel the partition's reassignment.
const alterV0 = createAPI<
  [
    timeoutMs: number,
    topics: { name: string; partitions: { partition: number; replicas: number[] | null }[] }[],
  ],
  PartitionAnswer[]
>(
  45,
  0,
  (
    timeoutMs: number,
    topics: { name: string; partitions: { partition: number; replicas: number[] | null }[] }[],
  ) =>
    Writer.create()
      .appendInt32(timeoutMs)
      .appendArray(topics, (w, t) =>
        w
          .appendString(t.name)
          .appendArray(t.partitions, (w, p) =>
            w.appendInt32(p.partition).appendArray(p.replicas, (w, r) => w.appendInt32(r), true, false),
          ),
      )
      .appendTaggedFields(),
  (_c: number, _k: number, _v: number, r: Reader) => {
    r.readInt32(); // throttle_time_ms
    checkTopLevel(r.readInt16(), r.readNullableString());
    const answers: PartitionAnswer[] = [];
    r.readArray((t) => {
      const name = t.readString();
      t.readArray((p) => answers.push(partitionAnswer(name, p)), true, false);
    });
    return answers;
  },
);

// ListPartitionReassignments v0 => timeout_ms [topics: name [partition_indexes]] (null: every topic).
const listV0 = createAPI<[timeoutMs: number, topics: TopicPartitions | null], ListedReassignment[]>(
  46,
  0,
  (timeoutMs: number, topics: TopicPartitions | null) =>
    Writer.create()
      .appendInt32(timeoutMs)
      .appendArray(topics, (w, t) =>
        w.appendString(t.name).appendArray(t.partitions, (w, p) => w.appendInt32(p), true, false),
      )
      .appendTaggedFields(),
  (_c: number, _k: number, _v: number, r: Reader) => {
    r.readInt32();
    checkTopLevel(r.readInt16(), r.readNullableString());
    const listed: ListedReassignment[] = [];
    r.readArray((t) => {
      const topic = t.readString();
      t.readArray((p) => {
        listed.push({
          topic,
          partition: p.readInt32(),
          replicas: p.readArray((x) => x.readInt32(), true, false),
          addingReplicas: p.readArray((x) => x.readInt32(), true, false),
          removingReplicas: p.readArray((x) => x.readInt32(), true, false),
        });
      });
    });
    return listed;
  },
);

// ElectLeaders v2 => election_type topic_partitions (null: every partition) timeout_ms; type 0 is preferred.
const electV2 = createAPI<[topics: TopicPartitions | null, timeoutMs: number], PartitionAnswer[]>(
  43,
  2,
  (topics: TopicPartitions | null, timeoutMs: number) =>
    Writer.create()
      .appendInt8(0)
      .appendArray(topics, (w, t) =>
        w.appendString(t.name).appendArray(t.partitions, (w, p) => w.appendInt32(p), true, false),
      )
      .appendInt32(timeoutMs)
      .appendTaggedFields(),
  (_c: number, _k: number, _v: number, r: Reader) => {
    r.readInt32();
    checkTopLevel(r.readInt16(), null);
    const answers: PartitionAnswer[] = [];
    r.readArray((t) => {
      const topic = t.readString();
      t.readArray((p) => answers.push(partitionAnswer(topic, p)), true, false);
    });
    return answers;
  },
);

const timeout = (connection: ClusterConnection) => connection.options.requestTimeoutMs;

/** `kafka-reassign-partitions --execute` (replicas) or `--cancel` (null) for some partitions of one topic. */
export function alterReassignments(
  connection: ClusterConnection,
  topic: string,
  partitions: { partition: number; replicas: number[] | null }[],
): Promise<PartitionAnswer[]> {
  return runGap(
    connection,
    'reassigning partitions',
    async (admin) =>
      alterV0.async(await bootstrapConnection(admin), timeout(connection), [{ name: topic, partitions }]),
    { topic },
    { role: 'forwarded' },
  );
}

/** `kafka-reassign-partitions --list`: the reassignments in progress, of these partitions or (null) all. */
export function listReassignments(
  connection: ClusterConnection,
  topics: TopicPartitions | null,
): Promise<ListedReassignment[]> {
  return runGap(
    connection,
    'listing partition reassignments',
    async (admin) => listV0.async(await bootstrapConnection(admin), timeout(connection), topics),
    {},
    { role: 'forwarded' },
  );
}

/** `kafka-leader-election --election-type PREFERRED` for these partitions or (null) every partition. */
export function electPreferredLeaders(
  connection: ClusterConnection,
  topics: TopicPartitions | null,
): Promise<PartitionAnswer[]> {
  return runGap(
    connection,
    'electing preferred leaders',
    async (admin) => electV2.async(await bootstrapConnection(admin), topics, timeout(connection)),
    {},
    { role: 'forwarded' },
  );
}
