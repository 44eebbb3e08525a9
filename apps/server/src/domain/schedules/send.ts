import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import { DomainError } from '../errors.ts';
import { produceOne } from '../messages/produce.ts';
import type { ScheduleDef } from './records.ts';
import { render } from './template.ts';

/** The value of message number `seq`: the only one, the next in turn, or one at random. */
function pickValue(def: ScheduleDef, seq: number): string {
  if (def.value !== undefined) return def.value;
  const values = def.values!;
  const index = def.pick === 'random' ? Math.floor(Math.random() * values.length) : (seq - 1) % values.length;
  return values[index]!;
}

/** Renders message `seq` and sends it like the produce endpoint (idempotent producer, acks=all). */
export async function sendScheduled(
  producer: ProducerGateway,
  def: ScheduleDef,
  seq: number,
  now: number,
): Promise<{ partition: number; offset: string }> {
  const context = { seq, now };
  const sent = await produceOne(producer, def.topic, {
    key: typeof def.key === 'string' ? render(def.key, context) : null,
    value: render(pickValue(def, seq), context),
    headers: (def.headers ?? []).map((h) => ({ key: h.key, value: render(h.value, context) })),
    ...(def.partition !== undefined ? { partition: def.partition } : {}),
  });
  return { partition: sent.partition, offset: sent.offset };
}

/** A send that cannot succeed until a person acts: the topic is gone (or the partition no longer exists). */
export function stopsForGood(def: ScheduleDef, error: unknown): string | null {
  if (!(error instanceof DomainError)) return null;
  if (error.code === 'NOT_FOUND' || (error.code === 'BAD_REQUEST' && def.partition !== undefined))
    return `${error.message} The schedule paused itself; resume it once the topic is back.`;
  return null;
}
