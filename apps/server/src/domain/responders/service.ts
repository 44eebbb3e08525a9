// The responders API without HTTP; stored in the schedules topic, run by the schedules group.
import { randomUUID } from 'node:crypto';
import type { Responder, ResponderInput } from '@tributary/contract';
import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import type { ScheduleStore } from '../../kafka/schedules-store.ts';
import { badRequest, notFound } from '../errors.ts';
import { headerName } from '../messages/request-reply.ts';
import { isResponder, toResponder, type ResponderDef, type ResponderState } from './records.ts';

export async function listResponders(store: ScheduleStore): Promise<Responder[]> {
  const { defs, states } = await store.read();
  return [...defs.values()]
    .filter(isResponder)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((def) => toResponder(def, states.get(def.id) as ResponderState | undefined));
}

export async function createResponder(
  store: ScheduleStore,
  producer: ProducerGateway,
  input: ResponderInput,
  now = Date.now(),
): Promise<Responder> {
  headerName(input.replyToHeader, 'reply-to', 'replyToHeader');
  headerName(input.correlationHeader, 'correlation-id', 'correlationHeader');
  if (input.mode === 'template' && input.template === undefined)
    throw badRequest('Invalid body field "template": a template responder needs one (e.g. "got {{value}}").');
  await producer.partitionCount(input.topic); // 404 naming the topic
  await store.ensureTopics();
  const def: ResponderDef = {
    ...input,
    kind: 'responder',
    id: randomUUID(),
    cluster: store.cluster,
    createdAt: now,
  };
  await store.putDefinition(def);
  return toResponder(def, undefined);
}

/** Stopping a responder deletes it (tombstones): nothing answers its topic any more. */
export async function deleteResponder(store: ScheduleStore, id: string): Promise<void> {
  const { defs } = await store.read(store.partitionOf(id));
  const def = defs.get(id);
  if (!def || !isResponder(def))
    throw notFound(`No responder with id "${id}" in cluster "${store.cluster}".`);
  await store.remove(id);
}
