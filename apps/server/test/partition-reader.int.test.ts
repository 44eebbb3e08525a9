import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionTypes, Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { ClusterConnection } from '../src/kafka/cluster-connection.ts';
import { ownPartitionReader, partitionReader, type FetchedRecord } from '../src/kafka/partition-reader.ts';
import { DomainError } from '../src/domain/errors.ts';
import { groupsTouching } from './messages-helpers.ts';

async function readAll(topic: string, partition: number, from = '0', maxBytes = 1 << 20) {
  const reader = partitionReader(connection);
  const records: FetchedRecord[] = [];
  let offset = from;
  for (;;) {
    const result = await reader.fetch({ topic, partition, offset, maxBytes, maxWaitMs: 100 });
    records.push(...result.records);
    const last = result.records.at(-1);
    if (!last || BigInt(last.offset) + 1n >= BigInt(result.highWatermark)) return records;
    offset = (BigInt(last.offset) + 1n).toString();
  }
}

/** A topic made a moment ago can still be unknown to its leader (a loaded machine): ask again briefly. */
async function sendToFreshTopic(record: Parameters<Producer['send']>[0]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await producer.send(record);
    } catch (error) {
      if (attempt >= 10 || (error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let connection: ClusterConnection;
let admin: Admin;
let producer: Producer;
let kafka: Kafka;

beforeAll(async () => {
  connection = new ClusterConnection(
    { name: 'local', bootstrapServers: sharedKafkaBrokers() },
    { requestTimeoutMs: 5000 },
  );
  kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ idempotent: true });
  await producer.connect();
});
afterAll(async () => {
  await producer?.disconnect();
  await admin?.disconnect();
  await connection?.close();
});

describe('partition reader', () => {
  it('reads keys, values, headers, nulls and gzip batches without touching consumer groups', async () => {
    const topic = uniqueName('reader');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.GZIP,
      messages: [
        { partition: 1, key: 'k1', value: 'v1', headers: { source: 'test', dup: ['a', 'b'] } },
        { partition: 1, key: null, value: 'no key' },
        { partition: 1, key: 'gone', value: null },
        { partition: 1, key: Buffer.from([0, 255]), value: Buffer.from([1, 2, 3]) },
      ],
    });
    const records = await readAll(topic, 1);
    expect(records.map((r) => r.offset)).toEqual(['0', '1', '2', '3']);
    expect(records[0]).toMatchObject({ topic, partition: 1, timestampType: 'CreateTime' });
    expect(records[0]?.key?.toString()).toBe('k1');
    expect(records[0]?.value?.toString()).toBe('v1');
    expect(records[0]?.headers.map((h) => [h.key, h.value?.toString()])).toEqual([
      ['source', 'test'],
      ['dup', 'a'],
      ['dup', 'b'],
    ]);
    expect(records[1]?.key).toBeNull();
    expect(records[2]?.value).toBeNull();
    expect([...(records[3]?.key ?? [])]).toEqual([0, 255]);
    expect(await readAll(topic, 0)).toEqual([]);

    expect(await groupsTouching(admin, topic)).toEqual([]);
  });

  it('skips transaction markers', async () => {
    const topic = uniqueName('reader-txn');
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    const txProducer = kafka.producer({
      transactionalId: uniqueName('tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await txProducer.connect();
    const tx = await txProducer.transaction();
    await tx.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
    await tx.commit();
    await txProducer.disconnect();
    const records = await readAll(topic, 0);
    // Offset 2 is the commit marker: the high watermark is 3, the messages are 2.
    expect(records.map((r) => r.value?.toString())).toEqual(['a', 'b']);
    // The coordinator writes the commit marker after commit() returns.
    await expect.poll(async () => (await partitionReader(connection).offsets(topic))[0]?.high).toBe('3');
    // Fetching from the marker alone returns nothing but moves past it.
    const atMarker = await partitionReader(connection).fetch({
      topic,
      partition: 0,
      offset: '2',
      maxBytes: 1000,
      maxWaitMs: 10,
    });
    expect(atMarker.records).toEqual([]);
    expect(atMarker.nextOffset).toBe('3');
    // Starting inside a batch does not return the records before the asked offset.
    const inside = await partitionReader(connection).fetch({
      topic,
      partition: 0,
      offset: '1',
      maxBytes: 1000,
      maxWaitMs: 10,
    });
    expect(inside.records.map((r) => r.offset)).toEqual(['1']);
  });

  it('bounds one fetch by maxBytes but still returns a record larger than it', async () => {
    const topic = uniqueName('reader-big');
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    const value = Buffer.alloc(300_000, 7);
    for (let i = 0; i < 5; i++) await producer.send({ topic, acks: -1, messages: [{ value }] });
    const reader = partitionReader(connection);
    const small = await reader.fetch({ topic, partition: 0, offset: '0', maxBytes: 1000, maxWaitMs: 100 });
    expect(small.records).toHaveLength(1);
    expect(small.records[0]?.value?.length).toBe(300_000);
    const medium = await reader.fetch({
      topic,
      partition: 0,
      offset: '1',
      maxBytes: 700_000,
      maxWaitMs: 100,
    });
    expect(medium.records.length).toBeGreaterThanOrEqual(1);
    expect(medium.records.length).toBeLessThanOrEqual(3);
    expect(medium.highWatermark).toBe('5');
  });

  it('long-polls at the end and answers the bounds for an offset out of range', async () => {
    const topic = uniqueName('reader-end');
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    await producer.send({ topic, acks: -1, messages: [{ value: 'x' }] });
    const reader = partitionReader(connection);
    const started = Date.now();
    const empty = await reader.fetch({ topic, partition: 0, offset: '1', maxBytes: 1000, maxWaitMs: 300 });
    expect(empty.records).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const beyond = await reader.fetch({ topic, partition: 0, offset: '50', maxBytes: 1000, maxWaitMs: 100 });
    expect(beyond).toEqual({ records: [], highWatermark: '1', logStartOffset: '0', nextOffset: '1' });
  });

  it("a tail's reader asks for its partitions in one request: each answers as soon as one gets a record", async () => {
    const topic = uniqueName('reader-together');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await sendToFreshTopic({ topic, acks: -1, messages: [{ partition: 1, value: 'already there' }] });
    const reader = ownPartitionReader(connection);
    try {
      await reader.offsets(topic); // connected, metadata known
      const started = Date.now();
      // Each would wait 10 s for a record. Asked one request each, the broker serves them in turn on the
      // shared connection, so partition 2's record would wait behind partition 0's whole wait.
      const ask = (partition: number, offset: string) =>
        reader
          .fetch({ topic, partition, offset, maxBytes: 1 << 20, maxWaitMs: 10_000 })
          .then((result) => ({ ...result, after: Date.now() - started }));
      // Partition 1 asks from an offset past its end: the broker answers that at once, for the whole request,
      // and the error is partition 1's alone (its real bounds); the others just have nothing yet.
      const [q0, q1, q2] = await Promise.all([ask(0, '0'), ask(1, '5'), ask(2, '0')]);
      expect([q0.records, q2.records]).toEqual([[], []]);
      expect(q1).toMatchObject({ records: [], highWatermark: '1', nextOffset: '1' });
      const again = Date.now();
      const answers = Promise.all([ask(0, '0'), ask(1, '1'), ask(2, '0')]);
      await new Promise((r) => setTimeout(r, 300));
      await producer.send({ topic, acks: -1, messages: [{ partition: 2, value: 'wakes them all' }] });
      const [p0, p1, p2] = await answers;
      expect(p2.records.map((r) => r.value?.toString())).toEqual(['wakes them all']);
      expect([p0.records, p1.records]).toEqual([[], []]);
      // Together, in one answer: long before any of the 10 s waits ran out.
      expect(Math.max(q0.after, q1.after, q2.after)).toBeLessThan(8000);
      expect(Math.max(p0.after, p1.after, p2.after) - (again - started)).toBeLessThan(8000);
    } finally {
      await reader.close();
    }
  });

  it('finds offsets by time', async () => {
    const topic = uniqueName('reader-time');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const base = Date.now() - 60_000;
    await producer.send({
      topic,
      acks: -1,
      messages: [0, 1, 2, 3].map((i) => ({
        partition: 0,
        value: `m${i}`,
        timestamp: String(base + i * 1000),
      })),
    });
    const reader = partitionReader(connection);
    expect(await reader.offsetsForTime(topic, base + 1500)).toEqual([
      { partition: 0, offset: '2' },
      { partition: 1, offset: '0' },
    ]);
    expect(await reader.offsetsForTime(topic, Date.now() + 60_000)).toEqual([
      { partition: 0, offset: '4' },
      { partition: 1, offset: '0' },
    ]);
  });

  it('reports a missing topic as not found and does not create it', async () => {
    const topic = uniqueName('reader-missing');
    const reader = partitionReader(connection);
    const error = await reader.offsets(topic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
    const fetchError = await reader
      .fetch({ topic, partition: 0, offset: '0', maxBytes: 100, maxWaitMs: 10 })
      .catch((e: unknown) => e);
    expect((fetchError as DomainError).code).toBe('NOT_FOUND');
    expect(await admin.listTopics()).not.toContain(topic);
    // A deleted topic the reader has seen must not break reading other topics.
    const other = uniqueName('reader-deleted');
    const kept = uniqueName('reader-kept');
    await admin.createTopics({ topics: [{ topic: other }, { topic: kept }], waitForLeaders: true });
    await reader.offsets(other);
    await admin.deleteTopics({ topics: [other] });
    await producer.send({ topic: kept, acks: -1, messages: [{ value: 'still here' }] });
    expect(await reader.offsets(kept)).toEqual([{ partition: 0, low: '0', high: '1' }]);
  });
});
