// One partition's Fetch on kafkajs's own connection to the leader, answered with the record set's raw bytes
// (record-batches.ts reads them) instead of kafkajs's decoded records. kafkajs still encodes the request,
// negotiates the version, authenticates and reports errors; only the v11 response (Kafka 2.3 and later) is
// read here. Other versions, and record sets of the old message formats, keep kafkajs's decoding.
import { createRequire } from 'node:module';
import type { InternalBroker, RawRecord } from './partition-reader-internals.ts';
import { topicPartitionKey } from './topic-partition-key.ts';

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

const { createErrorFromCode } = requireKafkajs('kafkajs/src/protocol/error.js') as {
  createErrorFromCode(code: number): Error;
};

export interface PartitionFetch {
  topic: string;
  partition: number;
  fetchOffset: string;
  maxBytes: number;
}
type FetchSettings = Omit<FetchArgs, 'topics' | 'maxBytes'>;

/**
 * Fetches some partitions from their common leader in one request. Each partition's answer keeps its own
 * error code (0 when fine), so one partition's error is its reader's alone.
 */
async function fetchPartitions(
  broker: InternalBroker,
  settings: FetchSettings,
  wanted: PartitionFetch[],
): Promise<Map<string, RawFetchPartition>> {
  const topics = new Map<string, FetchArgs['topics'][number]>();
  for (const { topic, partition, fetchOffset, maxBytes } of wanted) {
    const entry = topics.get(topic) ?? { topic, partitions: [] };
    entry.partitions.push({ partition, fetchOffset, maxBytes });
    topics.set(topic, entry);
  }
  const maxBytes = wanted.reduce((sum, w) => sum + w.maxBytes, 0);
  const protocol = (broker as LookupBroker).lookupRequest(
    FETCH_API_KEY,
    fetchDefinition,
  )({ ...settings, maxBytes, topics: [...topics.values()] });
  const raw = protocol.request.apiVersion === RAW_VERSION;
  // The raw path keeps per-partition errors; kafkajs's own parse (other versions) throws the first one.
  const response = (await sender(broker)(
    raw ? { ...protocol, response: { decode: decodeV11, parse: (data) => Promise.resolve(data) } } : protocol,
  )) as { responses: { topicName: string; partitions: RawFetchPartition[] }[] };
  const answers = new Map<string, RawFetchPartition>();
  for (const { topicName, partitions } of response.responses)
    for (const p of partitions) answers.set(topicPartitionKey(topicName, p.partition), p);
  return answers;
}

function answerFor(
  answers: Map<string, RawFetchPartition>,
  wanted: PartitionFetch,
): RawFetchPartition | undefined {
  const answer = answers.get(topicPartitionKey(wanted.topic, wanted.partition));
  if (answer && answer.errorCode !== 0) throw createErrorFromCode(answer.errorCode);
  return answer;
}

/** Fetches one partition from its leader; Kafka errors are thrown as kafkajs throws them. */
export async function fetchPartition(
  broker: InternalBroker,
  args: Omit<FetchArgs, 'topics'> & PartitionFetch,
): Promise<RawFetchPartition | undefined> {
  const { topic, partition, fetchOffset, maxBytes, ...settings } = args;
  const wanted = { topic, partition, fetchOffset, maxBytes };
  return answerFor(await fetchPartitions(broker, settings, [wanted]), wanted);
}

interface Waiting {
  wanted: PartitionFetch;
  settings: FetchSettings;
  resolve(answer: RawFetchPartition | undefined): void;
  reject(error: unknown): void;
}

/**
 * One Fetch in flight per broker, for all the partitions a reader wants from it: partitions asked for while
 * one is in flight go together in the next. A tail of N partitions then costs the broker one request per
 * round instead of N, each of which it would serve in turn on the shared connection.
 */
export class FetchCoalescer {
  private readonly queues = new Map<InternalBroker, { waiting: Waiting[]; busy: boolean }>();

  fetch(
    broker: InternalBroker,
    args: Omit<FetchArgs, 'topics'> & PartitionFetch,
  ): Promise<RawFetchPartition | undefined> {
    const { topic, partition, fetchOffset, maxBytes, ...settings } = args;
    const queue = this.queues.get(broker) ?? { waiting: [], busy: false };
    this.queues.set(broker, queue);
    return new Promise((resolve, reject) => {
      queue.waiting.push({ wanted: { topic, partition, fetchOffset, maxBytes }, settings, resolve, reject });
      // After this turn's other partitions have asked too (their loops resume in the same turn).
      if (!queue.busy) setImmediate(() => this.send(broker));
    });
  }

  private send(broker: InternalBroker): void {
    const queue = this.queues.get(broker);
    if (!queue || queue.busy || queue.waiting.length === 0) return;
    // A partition asked twice (a stopped loop's fetch and its successor's) waits for the next request.
    const seen = new Set<string>();
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    for (const w of queue.waiting) {
      const key = topicPartitionKey(w.wanted.topic, w.wanted.partition);
      (seen.has(key) ? later : batch).push(w);
      seen.add(key);
    }
    queue.waiting = later;
    queue.busy = true;
    // The shortest wait and the largest minimum asked: a busy partition's pacing holds the round together.
    const settings: FetchSettings = {
      ...batch[0]!.settings,
      maxWaitTime: Math.min(...batch.map((w) => w.settings.maxWaitTime)),
      minBytes: Math.max(...batch.map((w) => w.settings.minBytes)),
    };
    fetchPartitions(
      broker,
      settings,
      batch.map((w) => w.wanted),
    )
      .then(
        (answers) => {
          for (const w of batch) {
            try {
              w.resolve(answerFor(answers, w.wanted));
            } catch (error) {
              w.reject(error);
            }
          }
        },
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        queue.busy = false;
        if (queue.waiting.length > 0) setImmediate(() => this.send(broker));
        else this.queues.delete(broker);
      });
  }
}
