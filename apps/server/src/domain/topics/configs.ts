import type { AlterConfigsBody, ConfigEntry } from '@tributary/contract';
import type { ConfigResource, TopicsGateway } from '../../kafka/topics-gateway.ts';
import { badRequest } from '../errors.ts';
import { refuseInternal, SAFE_POLICY, type TopicPolicy } from './internal.ts';

/**
 * Kafka's protocol carries a config name or value as a string of at most 32767 UTF-8 bytes. A longer one
 * makes the broker drop the connection (it cannot parse the request), which failed every other request then
 * in flight on the shared admin connection: refuse it here, with a sentence.
 */
export const MAX_CONFIG_VALUE_BYTES = 32_767;

export function checkConfigSizes(configs: Record<string, string>, names: string[] = []): void {
  for (const name of [...Object.keys(configs), ...names])
    if (Buffer.byteLength(name) > MAX_CONFIG_VALUE_BYTES)
      throw badRequest(`A config name can be at most ${MAX_CONFIG_VALUE_BYTES} bytes long.`);
  for (const [name, value] of Object.entries(configs)) {
    const bytes = Buffer.byteLength(value);
    if (bytes > MAX_CONFIG_VALUE_BYTES)
      throw badRequest(
        `The value of "${name}" has ${bytes} bytes; Kafka takes config values of at most ` +
          `${MAX_CONFIG_VALUE_BYTES} bytes.`,
      );
  }
}

/** `kafka-configs --describe --all --entity-type topics`. 404 for an unknown topic. */
export async function topicConfigs(gateway: TopicsGateway, topic: string): Promise<ConfigEntry[]> {
  await gateway.topic(topic);
  return gateway.configs({ kind: 'topic', name: topic });
}

/**
 * `kafka-configs --alter --add-config k=v --delete-config k`, incrementally: only the named keys change,
 * every other override stays. Answers the configs as they are afterwards.
 */
export async function alterTopicConfigs(
  gateway: TopicsGateway,
  topic: string,
  body: AlterConfigsBody,
  policy: TopicPolicy = SAFE_POLICY,
): Promise<ConfigEntry[]> {
  refuseInternal(topic, 'reconfigure', policy);
  const set = body.set ?? {};
  const reset = [...new Set(body.reset ?? [])];
  if (Object.keys(set).length === 0 && reset.length === 0)
    throw badRequest('Nothing to change: give "set" ({"key": "value"}) and/or "reset" (["key"]).');
  const both = reset.filter((k) => k in set);
  if (both.length) throw badRequest(`"${both.join('", "')}" cannot be both set and reset in one change.`);
  checkConfigSizes(set, reset);

  const resource: ConfigResource = { kind: 'topic', name: topic };
  const before = await topicConfigs(gateway, topic);
  const known = new Set(before.map((c) => c.name));
  // Kafka accepts a reset of a key it does not know without a word; a typo must not look like success.
  const unknown = [...Object.keys(set), ...reset].filter((k) => !known.has(k));
  if (unknown.length)
    throw badRequest(
      `Unknown topic config${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}. ` +
        'See the Configuration tab for the valid names.',
    );
  const readOnly = before.filter((c) => c.readOnly && (c.name in set || reset.includes(c.name)));
  if (readOnly.length)
    throw badRequest(`${readOnly.map((c) => `"${c.name}"`).join(', ')} cannot be changed (read-only).`);
  await gateway.alterConfigs(resource, { set, reset });
  return gateway.configs(resource);
}
