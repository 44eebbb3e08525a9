import type { AlterConfigsBody, ConfigEntry } from '@tributary/contract';
import type { ConfigResource, TopicsGateway } from '../../kafka/topics-gateway.ts';
import { badRequest } from '../errors.ts';

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
): Promise<ConfigEntry[]> {
  const set = body.set ?? {};
  const reset = [...new Set(body.reset ?? [])];
  if (Object.keys(set).length === 0 && reset.length === 0)
    throw badRequest('Nothing to change: give "set" ({"key": "value"}) and/or "reset" (["key"]).');
  const both = reset.filter((k) => k in set);
  if (both.length) throw badRequest(`"${both.join('", "')}" cannot be both set and reset in one change.`);

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
