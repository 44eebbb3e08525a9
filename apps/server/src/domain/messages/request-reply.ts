// Request/reply over Kafka, like a person testing a service: send with `reply-to` and `correlation-id`
// headers, then read the reply topic group-free from its ends at send time, keeping the messages that
// carry our correlation id, until enough arrived or the time is up.
import { randomUUID } from 'node:crypto';
import type { RequestReplyBody, RequestReplyResult } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import { badRequest } from '../errors.ts';
import { decodeRecord } from './decode.ts';
import { produceOne } from './produce.ts';

/** A header name a client can send and match: printable, no spaces, not empty. */
const HEADER_NAME = /^[\x21-\x7e]{1,200}$/;

export function headerName(name: string | undefined, fallback: string, field: string): string {
  if (name === undefined) return fallback;
  if (!HEADER_NAME.test(name))
    throw badRequest(
      `Invalid body field "${field}": "${name}" is not a header name we can match (printable characters, no spaces, 1 to 200 of them).`,
    );
  return name;
}

export async function requestReply(
  producer: ProducerGateway,
  reader: PartitionReader,
  topic: string,
  body: RequestReplyBody,
  now: () => number = Date.now,
): Promise<RequestReplyResult> {
  const replyTo = headerName(body.replyToHeader, 'reply-to', 'replyToHeader');
  const correlation = headerName(body.correlationHeader, 'correlation-id', 'correlationHeader');
  if (replyTo === correlation)
    throw badRequest('Invalid body field "correlationHeader": it must differ from the reply-to header.');
  const timeoutMs = body.timeoutMs ?? 5000;
  const maxReplies = body.maxReplies ?? 1;
  await producer.partitionCount(body.replyTopic); // 404 naming the reply topic when it does not exist
  // Where the reply topic ends now: replies are what comes after.
  const from = await reader.offsets(body.replyTopic);
  const correlationId = randomUUID();
  const started = now();
  const sent = await produceOne(producer, topic, {
    key: body.key ?? null,
    value: body.value,
    headers: [
      ...(body.headers ?? []),
      { key: replyTo, value: body.replyTopic },
      { key: correlation, value: correlationId },
    ],
    ...(body.partition !== undefined ? { partition: body.partition } : {}),
  });
  const replies: RequestReplyResult['replies'] = [];
  const next = new Map(from.map((b) => [b.partition, b.high]));
  const deadline = started + timeoutMs;
  while (replies.length < maxReplies && now() < deadline) {
    for (const [partition, offset] of next) {
      const wait = Math.max(0, Math.min(250, deadline - now()));
      const page = await reader.fetch({
        topic: body.replyTopic,
        partition,
        offset,
        maxBytes: 1 << 20,
        maxWaitMs: wait,
      });
      next.set(partition, page.nextOffset);
      for (const record of page.records) {
        const header = record.headers.find((h) => h.key === correlation);
        if (header?.value?.toString('utf8') !== correlationId) continue;
        const message = decodeRecord(record, {
          keyFormat: 'auto',
          valueFormat: 'auto',
          maxValueBytes: 64 << 10,
        });
        replies.push({ message, elapsedMs: Math.max(0, now() - started) });
        if (replies.length >= maxReplies) break;
      }
      if (replies.length >= maxReplies || now() >= deadline) break;
    }
  }
  const result: RequestReplyResult = {
    request: { partition: sent.partition, offset: sent.offset, correlationId },
    replies,
  };
  if (replies.length < maxReplies)
    result.timedOut =
      replies.length === 0
        ? `Nothing answered on "${body.replyTopic}" within ${timeoutMs} ms (correlation id ${correlationId}): is a responder running on "${topic}"?`
        : `${replies.length} of ${maxReplies} replies arrived on "${body.replyTopic}" within ${timeoutMs} ms.`;
  return result;
}
