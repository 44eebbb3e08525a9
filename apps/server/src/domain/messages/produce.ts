import type { InputFormat, ProduceRequest, ProduceResult } from '@tributary/contract';
import {
  describeContact,
  type BrokerContact,
  type OutgoingRecord,
  type PartitionMetadata,
  type ProducerGateway,
} from '../../kafka/producer-gateway.ts';
import { badRequest, DomainError } from '../errors.ts';

export type { OutgoingRecord };

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

export function checkPartition(partition: number | undefined, count: number, topic: string): void {
  if (partition !== undefined && (partition < 0 || partition >= count))
    throw badRequest(
      `Topic "${topic}" has partitions 0 to ${count - 1}; there is no partition ${partition}.`,
    );
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

/**
 * Why `partition` cannot take an acks=all message now, from Metadata and our own contact with its replicas:
 * no leader, a leader that does not answer, or fewer answering in-sync replicas than min.insync.replicas
 * (Kafka would refuse with NOT_ENOUGH_REPLICAS, or wait for replicas that are gone). Null when it can.
 */
async function whyNot(
  producer: ProducerGateway,
  topic: string,
  p: PartitionMetadata,
  contacts: Map<number, BrokerContact>,
): Promise<string | null> {
  const name = `Partition ${p.partition} of "${topic}"`;
  if (p.leader === null) return `${name} has no leader (its replicas ${p.replicas.join(', ')} are offline).`;
  const leader = contacts.get(p.leader);
  if (leader && !leader.reachable)
    return `${name} cannot take messages now: its leader, broker ${p.leader}, does not answer. ${describeContact(p.leader, leader)}.`;
  const answering = p.isr.filter((id) => contacts.get(id)?.reachable !== false);
  if (answering.length === p.isr.length) return null;
  const min = await producer.minInsyncReplicas(topic).catch(() => null);
  if (min === null || answering.length >= min) return null;
  const gone = p.isr.filter((id) => !answering.includes(id));
  return (
    `NOT_ENOUGH_REPLICAS: ${name} has ${answering.length} in-sync replica${answering.length === 1 ? '' : 's'} ` +
    `that answer (broker ${answering.join(', ') || 'none'}; broker ${gone.join(', ')} do${gone.length === 1 ? 'es' : ''} not), ` +
    `and min.insync.replicas is ${min}: Kafka takes no acks=all message there until another replica is back in sync.`
  );
}

const unavailable = (message: string) => new DomainError('KAFKA_UNAVAILABLE', message);

/** One message, acks=all on the idempotent producer: its partition, offset and timestamp, or a clear error. */
export async function produceOne(
  producer: ProducerGateway,
  topic: string,
  request: ProduceRequest,
  /** Key or value already encoded (with a registry schema); the typed text's format is then not used. */
  encoded: { key?: Buffer | null; value?: Buffer | null } = {},
): Promise<ProduceResult> {
  const key =
    encoded.key !== undefined ? encoded.key : encodeInput(request.key, request.keyFormat ?? 'string', 'key');
  const value =
    encoded.value !== undefined
      ? encoded.value
      : encodeInput(request.value, request.valueFormat ?? 'string', 'value');
  const headers = encodeHeaders(request.headers);
  const [partitions, contacts] = await Promise.all([producer.partitions(topic), producer.contacts()]);
  const count = partitions.length;
  checkPartition(request.partition, count, topic);
  const chosen = request.partition !== undefined || key !== null;
  let partition = request.partition ?? partitioner(count)(key);
  const say = (reason: string) =>
    unavailable(
      request.partition === undefined && key !== null
        ? `The key maps to partition ${partition}. ${reason}`
        : reason,
    );
  const why = await whyNot(producer, topic, partitions[partition]!, contacts);
  if (why && chosen) throw say(why);
  if (why) {
    // No key and no partition: any partition will do, so pick one that can take it (as the Java client does).
    const usable = [];
    for (const p of partitions) if (!(await whyNot(producer, topic, p, contacts))) usable.push(p.partition);
    if (usable.length === 0) throw unavailable(`No partition of "${topic}" can take messages now. ${why}`);
    partition = usable[Math.floor(Math.random() * usable.length)]!;
  }
  try {
    const sent = await producer.send(topic, [{ key, value, headers, partition }]);
    return { partition, offset: sent.baseOffset, timestamp: sent.timestamp };
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE')) throw error;
    // Our last look at the brokers may predate the failure: look again, and say why when we can tell.
    const now = await whyNot(producer, topic, partitions[partition]!, await producer.contacts(0));
    throw now ? say(now) : error;
  }
}
