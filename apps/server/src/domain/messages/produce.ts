import type { InputFormat, ProduceRequest, ProduceResult } from '@tributary/contract';
import type { OutgoingRecord, ProducerGateway } from '../../kafka/producer-gateway.ts';
import { badRequest } from '../errors.ts';

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

/** One message, acks=all on the idempotent producer: its partition, offset and timestamp, or a clear error. */
export async function produceOne(
  producer: ProducerGateway,
  topic: string,
  request: ProduceRequest,
): Promise<ProduceResult> {
  const key = encodeInput(request.key, request.keyFormat ?? 'string', 'key');
  const value = encodeInput(request.value, request.valueFormat ?? 'string', 'value');
  const headers = encodeHeaders(request.headers);
  const count = await producer.partitionCount(topic);
  checkPartition(request.partition, count, topic);
  const partition = request.partition ?? partitioner(count)(key);
  const sent = await producer.send(topic, [{ key, value, headers, partition }]);
  return { partition, offset: sent.baseOffset, timestamp: sent.timestamp };
}
