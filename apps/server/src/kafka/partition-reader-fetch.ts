// One partition's Fetch on kafkajs's own connection to the leader, answered with the record set's raw bytes
// (record-batches.ts reads them) instead of kafkajs's decoded records. kafkajs still encodes the request,
// negotiates the version, authenticates and reports errors; only the v11 response (Kafka 2.3 and later) is
// read here. Other versions, and record sets of the old message formats, keep kafkajs's decoding.
import { createRequire } from 'node:module';
import type { InternalBroker, RawRecord } from './partition-reader-internals.ts';

const requireKafkajs = createRequire(import.meta.url);

type ProtocolRequest = {
  request: { apiKey: number; apiVersion: number };
  response: { decode(raw: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  requestTimeout: number;
};
type FetchArgs = {
  replicaId: number;
  isolationLevel: number;
  maxWaitTime: number;
  minBytes: number;
  maxBytes: number;
  topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
};
type LookupBroker = InternalBroker & {
  lookupRequest(apiKey: number, definition: unknown): (args: FetchArgs) => ProtocolRequest;
};
interface KafkajsDecoder {
  new (buffer: Buffer): unknown;
}

const FETCH_API_KEY = 1;
const RAW_VERSION = 11;
const fetchDefinition: unknown = requireKafkajs('kafkajs/src/protocol/requests/fetch/index.js');
const Decoder = requireKafkajs('kafkajs/src/protocol/decoder.js') as KafkajsDecoder;
const decodeMessages = requireKafkajs('kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js') as (
  decoder: unknown,
) => Promise<RawRecord[]>;

export interface RawFetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  lastStartOffset: string;
  /** Magic-2 record batches, as sent. */
  recordSet?: Buffer;
  /** Records of the old message formats (or of another Fetch version), decoded by kafkajs. */
  messages?: RawRecord[];
}

/** kafkajs's broker request path (the private send that also drops a closed connection). */
function sender(broker: InternalBroker): (request: ProtocolRequest) => Promise<unknown> {
  const symbol = Object.getOwnPropertySymbols(Object.getPrototypeOf(broker)).find(
    (s) => s.description === 'private:Broker:sendRequest',
  );
  const send = symbol ? (broker as unknown as Record<symbol, unknown>)[symbol] : undefined;
  if (typeof send !== 'function') throw new Error('kafkajs internals changed: no broker send');
  return (request) => (send as (r: ProtocolRequest) => Promise<unknown>).call(broker, request);
}

/** Fetch v11's response (KIP-392 layout), each partition's record set left as bytes. */
async function decodeV11(
  raw: Buffer,
): Promise<{ responses: { topicName: string; partitions: RawFetchPartition[] }[] }> {
  let at = 10; // throttle_time_ms, error_code, session_id
  const int32 = () => ((at += 4), raw.readInt32BE(at - 4));
  const int64 = () => ((at += 8), raw.readBigInt64BE(at - 8).toString());
  const responses: { topicName: string; partitions: RawFetchPartition[] }[] = [];
  for (let t = int32(); t > 0; t--) {
    const nameLength = raw.readInt16BE(at);
    const topicName = raw.toString('utf8', at + 2, at + 2 + nameLength);
    at += 2 + nameLength;
    const partitions: RawFetchPartition[] = [];
    for (let p = int32(); p > 0; p--) {
      const partition = int32();
      const errorCode = raw.readInt16BE(at);
      at += 2;
      const highWatermark = int64();
      at += 8; // last_stable_offset
      const lastStartOffset = int64();
      const aborted = int32();
      at += Math.max(0, aborted) * 16 + 4; // aborted transactions (read uncommitted), preferred read replica
      const sizeAt = at;
      const size = int32();
      const recordSet = size > 0 ? raw.subarray(at, Math.min(raw.length, at + size)) : Buffer.alloc(0);
      at += Math.max(0, size);
      const entry: RawFetchPartition = { partition, errorCode, highWatermark, lastStartOffset };
      if (recordSet.length > 16 && recordSet.readInt8(16) !== 2)
        entry.messages = await decodeMessages(new Decoder(raw.subarray(sizeAt)));
      else entry.recordSet = recordSet;
      partitions.push(entry);
    }
    responses.push({ topicName, partitions });
  }
  return { responses };
}

/** Fetches one partition from its leader; Kafka errors are thrown as kafkajs throws them. */
export async function fetchPartition(
  broker: InternalBroker,
  args: Omit<FetchArgs, 'topics'> & { topic: string; partition: number; fetchOffset: string },
): Promise<RawFetchPartition | undefined> {
  const { topic, partition, fetchOffset, ...rest } = args;
  const protocol = (broker as LookupBroker).lookupRequest(
    FETCH_API_KEY,
    fetchDefinition,
  )({ ...rest, topics: [{ topic, partitions: [{ partition, fetchOffset, maxBytes: args.maxBytes }] }] });
  const raw = protocol.request.apiVersion === RAW_VERSION;
  const response = (await sender(broker)(
    raw ? { ...protocol, response: { decode: decodeV11, parse: protocol.response.parse } } : protocol,
  )) as { responses: { partitions: (RawFetchPartition & { messages?: RawRecord[] })[] }[] };
  return response.responses[0]?.partitions.find((p) => p.partition === partition);
}
