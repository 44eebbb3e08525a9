import type { InputFormat, ProduceRequest, ProduceResult } from '@tributary/contract';
import type { ClusterConnection } from '../../kafka/cluster-connection.ts';

type Producer = Awaited<ReturnType<ClusterConnection['producer']>>;
import { partitionReader } from '../../kafka/partition-reader.ts';
import { toDomainError } from '../../kafka/errors.ts';
import { badRequest } from '../errors.ts';

export interface OutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  partition: number;
}

/** Typed text → bytes; `json` must parse, `hex`/`base64` must be well formed. */
export function encodeInput(text: string | null, format: InputFormat, what: string): Buffer | null {
  if (text === null) return null;
  switch (format) {
    case 'string':
      return Buffer.from(text, 'utf8');
    case 'json':
      try {
        JSON.parse(text);
      } catch (error) {
        throw badRequest(`The ${what} is not valid JSON: ${(error as Error).message}`);
      }
      return Buffer.from(text, 'utf8');
    case 'hex': {
      const clean = text.replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw badRequest(`The ${what} is not hex (pairs of 0-9, a-f).`);
      return Buffer.from(clean, 'hex');
    }
    case 'base64': {
      const clean = text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw badRequest(`The ${what} is not base64.`);
      return Buffer.from(clean, 'base64');
    }
  }
}

/** Kafka's default partitioner for keyed records (murmur2, as the Java client and kafkajs compute it). */
export function murmur2(data: Buffer): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) h = Math.imul(h ^ data[whole]!, m);
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Picks partitions like the Java client: murmur2 of the key, round-robin for records without a key. */
export function partitioner(partitionCount: number) {
  let next = Math.floor(Math.random() * partitionCount);
  return (key: Buffer | null): number =>
    key === null ? next++ % partitionCount : (murmur2(key) & 0x7fffffff) % partitionCount;
}

/** The topic's partition count (404 when it does not exist, so producing never auto-creates a topic). */
export async function partitionCount(connection: ClusterConnection, topic: string): Promise<number> {
  return (await partitionReader(connection).offsets(topic)).length;
}

export function checkPartition(partition: number | undefined, count: number, topic: string): void {
  if (partition !== undefined && (partition < 0 || partition >= count))
    throw badRequest(
      `Topic "${topic}" has partitions 0 to ${count - 1}; there is no partition ${partition}.`,
    );
}

/** Sends records of one partition as one request: it is written whole or not at all. */
export async function sendToPartition(
  connection: ClusterConnection,
  topic: string,
  records: OutgoingRecord[],
): Promise<{ baseOffset: string; timestamp: number }> {
  const producer = await connection.producer();
  const timestamp = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(producer, topic, records, timestamp);
    } catch (error) {
      // Right after a topic is created or a leader moves, the broker says so; nothing was written: try again.
      const type = (error as { type?: string }).type ?? (error as { cause?: { type?: string } }).cause?.type;
      if (attempt < 5 && type && LEADER_MOVING.has(type)) {
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        continue;
      }
      throw toDomainError(error, { cluster: connection.name, topic });
    }
  }
}

const LEADER_MOVING = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

async function sendOnce(
  producer: Producer,
  topic: string,
  records: OutgoingRecord[],
  timestamp: number,
): Promise<{ baseOffset: string; timestamp: number }> {
  const [result] = await producer.send({
    topic,
    acks: -1,
    messages: records.map((r) => ({
      key: r.key,
      value: r.value,
      partition: r.partition,
      timestamp: String(timestamp),
      headers: Object.fromEntries(
        groupHeaders(r.headers).map(([k, values]) => [k, values.length === 1 ? values[0]! : values] as const),
      ) as Record<string, Buffer>,
    })),
  });
  const appended = Number(result?.logAppendTime ?? -1);
  return { baseOffset: String(result?.baseOffset ?? '-1'), timestamp: appended > 0 ? appended : timestamp };
}

function groupHeaders(headers: OutgoingRecord['headers']): [string, (Buffer | null)[]][] {
  const grouped = new Map<string, (Buffer | null)[]>();
  for (const h of headers) grouped.set(h.key, [...(grouped.get(h.key) ?? []), h.value]);
  return [...grouped];
}

/** Header values as bytes. kafkajs cannot write a null header value, so that is refused, not altered. */
export function encodeHeaders(
  headers: { key: string; value: string | null }[] | undefined,
): OutgoingRecord['headers'] {
  return (headers ?? []).map((h) => {
    if (h.value === null) throw badRequest(`Header "${h.key}" has no value; send an empty text instead.`);
    return { key: h.key, value: Buffer.from(h.value, 'utf8') };
  });
}

/** One message, acks=all on the idempotent producer: its partition, offset and timestamp, or a clear error. */
export async function produceOne(
  connection: ClusterConnection,
  topic: string,
  request: ProduceRequest,
): Promise<ProduceResult> {
  const key = encodeInput(request.key, request.keyFormat ?? 'string', 'key');
  const value = encodeInput(request.value, request.valueFormat ?? 'string', 'value');
  const headers = encodeHeaders(request.headers);
  const count = await partitionCount(connection, topic);
  checkPartition(request.partition, count, topic);
  const partition = request.partition ?? partitioner(count)(key);
  const sent = await sendToPartition(connection, topic, [{ key, value, headers, partition }]);
  return { partition, offset: sent.baseOffset, timestamp: sent.timestamp };
}
