// A leader can answer ListOffsets with an error for one partition while it answers the others: a partition it
// does not know (yet), one that moved since the metadata was read. That error is reported, not swallowed.
// Kafka's own answer is provoked here with metadata one step behind the broker: it names a partition 1 that
// the broker does not have, as metadata read just before an add-partitions would the other way round.
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { ClusterConnection } from '../src/kafka/cluster-connection.ts';
import { readMetadata } from '../src/kafka/admin/metadata.ts';
import { topicsGateway, type MetadataSnapshot } from '../src/kafka/topics-gateway.ts';
import { describePartitions, fetchDetails, refusalWarnings } from '../src/domain/topics/describe.ts';

describe('ListOffsets errors of single partitions', async () => {
  const connection = new ClusterConnection(
    { name: 'refused', bootstrapServers: sharedKafkaBrokers() },
    { requestTimeoutMs: 30_000 },
  );
  afterAll(() => connection.close());
  const gateway = topicsGateway(connection);
  const topic = uniqueName('offsets-refused');
  const kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
  await producer.disconnect();

  /** The broker's metadata, plus a partition 1 on the same leader that the broker does not have. */
  async function staleSnapshot(): Promise<MetadataSnapshot> {
    const metadata = await readMetadata(connection, [topic]);
    const [partition0] = metadata.topics[0]!.partitions;
    return {
      ...metadata,
      topics: [{ ...metadata.topics[0]!, partitions: [partition0!, { ...partition0!, partition: 1 }] }],
    };
  }

  it('keeps the offsets of the partitions that answered and names the error of the one that did not', async () => {
    const result = await gateway.offsets([{ name: topic, partitions: [0, 1] }], await staleSnapshot());
    expect(result.offsets).toEqual([{ topic, partition: 0, start: 0n, end: 2n }]);
    expect(result.refused).toEqual([{ topic, partition: 1, error: 'UNKNOWN_TOPIC_OR_PARTITION' }]);
    expect(result.failed).toEqual([]);
  });

  it('shows the partition as unknown with a warning on the topic page and list', async () => {
    const snapshot = await staleSnapshot();
    const { name, internal, partitions } = snapshot.topics[0]!;
    const details = await fetchDetails(gateway, [{ name, internal, partitions }], snapshot);
    expect(details.warnings).toContain(
      `Offsets of partition ${topic}/1 are unknown: the leader answered UNKNOWN_TOPIC_OR_PARTITION.`,
    );
    const rows = describePartitions({ name, internal, partitions }, details);
    expect(rows.map((p) => [p.partition, p.startOffset, p.endOffset])).toEqual([
      [0, '0', '2'],
      [1, null, null],
    ]);
  });
});

describe('refusal warnings', () => {
  it('say each error once and name at most five partitions', () => {
    const refused = Array.from({ length: 7 }, (_, partition) => ({
      topic: 'orders',
      partition,
      error: 'NOT_LEADER_OR_FOLLOWER',
    }));
    refused.push({ topic: 'audit', partition: 0, error: 'LEADER_NOT_AVAILABLE' });
    expect(refusalWarnings(refused)).toEqual([
      'Offsets of partitions orders/0, orders/1, orders/2, orders/3, orders/4 and 2 more are unknown: the leader answered NOT_LEADER_OR_FOLLOWER.',
      'Offsets of partition audit/0 are unknown: the leader answered LEADER_NOT_AVAILABLE.',
    ]);
  });
});
