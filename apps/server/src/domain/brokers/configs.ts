import type { AlterConfigsBody, ConfigEntry } from '@tributary/contract';
import type { ClusterGateway } from '../../kafka/cluster-gateway.ts';
import { badRequest, notFound } from '../errors.ts';
import { checkConfigSizes } from '../topics/configs.ts';

export type BrokerId = number | 'default';

/** The online broker `id`, or any online broker for `default` (404 when none is). */
async function onlineBroker(cluster: ClusterGateway, id: BrokerId): Promise<number> {
  const { brokers } = await cluster.brokers();
  const online = brokers.map((b) => b.id).sort((a, b) => a - b);
  const found = id === 'default' ? online[0] : online.find((b) => b === id);
  if (found === undefined)
    throw notFound(
      id === 'default'
        ? `No broker of cluster "${cluster.name}" is online to take the cluster-wide defaults.`
        : `Broker ${id} is not online in cluster "${cluster.name}" (online: ${online.join(', ') || 'none'}).`,
    );
  return found;
}

/**
 * `kafka-configs --describe --all --entity-type brokers --entity-name <id>`; for `default`
 * (`--entity-default`) only the cluster-wide defaults that are set. Only an online broker answers.
 */
export async function brokerConfigs(cluster: ClusterGateway, id: BrokerId): Promise<ConfigEntry[]> {
  await onlineBroker(cluster, id);
  return cluster.brokerConfigs(id);
}

/**
 * `kafka-configs --alter --entity-type brokers --entity-name <id> | --entity-default --add-config k=v
 * --delete-config k`, incrementally. Names are checked against a broker's full list (Kafka would accept a
 * reset of a typo without a word); read-only ones (not dynamically updatable) are refused with a sentence.
 * Answers the configs as they are afterwards.
 */
export async function alterBrokerConfigs(
  cluster: ClusterGateway,
  id: BrokerId,
  body: AlterConfigsBody,
): Promise<ConfigEntry[]> {
  const set = body.set ?? {};
  const reset = [...new Set(body.reset ?? [])];
  if (Object.keys(set).length === 0 && reset.length === 0)
    throw badRequest('Nothing to change: give "set" ({"key": "value"}) and/or "reset" (["key"]).');
  const both = reset.filter((k) => k in set);
  if (both.length) throw badRequest(`"${both.join('", "')}" cannot be both set and reset in one change.`);
  checkConfigSizes(set, reset);

  const broker = await onlineBroker(cluster, id);
  const all = await cluster.brokerConfigs(broker);
  const known = new Map(all.map((c) => [c.name, c]));
  const unknown = [...Object.keys(set), ...reset].filter((k) => !known.has(k));
  if (unknown.length)
    throw badRequest(
      `Unknown broker config${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}.`,
    );
  const readOnly = [...Object.keys(set), ...reset].filter((k) => known.get(k)?.readOnly);
  if (readOnly.length)
    throw badRequest(
      `${readOnly.map((k) => `"${k}"`).join(', ')} cannot be changed while the broker runs (read-only: ` +
        'set it in server.properties and restart the broker).',
    );
  await cluster.alterBrokerConfigs(id, { set, reset });
  return settled(cluster, id, set, reset);
}

const SETTLE_MS = 5000;

/**
 * The controller commits a change before the brokers replay it from the metadata log, so a describe right
 * after the answer may still show the old value: ask again (briefly) until the change shows, so the answer
 * is the state after the change.
 */
async function settled(
  cluster: ClusterGateway,
  id: BrokerId,
  set: Record<string, string>,
  reset: string[],
): Promise<ConfigEntry[]> {
  const dynamic = id === 'default' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  const shows = (list: ConfigEntry[]) => {
    const byName = new Map(list.map((c) => [c.name, c]));
    return (
      Object.entries(set).every(([k, v]) => {
        const c = byName.get(k);
        return c !== undefined && c.kafkaSource === dynamic && (c.sensitive || c.value === v);
      }) && reset.every((k) => byName.get(k)?.kafkaSource !== dynamic)
    );
  };
  const until = Date.now() + SETTLE_MS;
  let list = await cluster.brokerConfigs(id);
  while (!shows(list) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    list = await cluster.brokerConfigs(id);
  }
  return list;
}
