import type {
  ConnectorDetail,
  ConnectorList,
  ConnectorListQuery,
  ConnectorSummary,
} from '@tributary/contract';
import type { ConnectClient } from '../../connect/client.ts';
import type { WireStatus } from '../../connect/wire.ts';
import { DomainError, notFound } from '../errors.ts';
import { declaredTopics, taskCounts, toState, toType } from './wire-map.ts';

/** Turns Connect's "Connector x not found" into a sentence naming the Connect cluster. */
export async function named<T>(client: ConnectClient, name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND')
      throw notFound(`No connector named "${name}" on Kafka Connect cluster "${client.name}".`, {
        connect: client.name,
        connector: name,
      });
    throw error;
  }
}

/** Configured topics plus the ones it really used; a worker with topic tracking off answers 4xx: ignore. */
async function topicsOf(client: ConnectClient, name: string, config: Record<string, string>) {
  const active = await client.activeTopics(name).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'CONNECT_UNAVAILABLE') throw error;
    return {} as Record<string, { topics: string[] }>;
  });
  return [...new Set([...declaredTopics(config), ...(active[name]?.topics ?? [])])].sort();
}

async function rowsOf(client: ConnectClient): Promise<ConnectorSummary[]> {
  const expanded = await client.connectorsExpanded();
  return Promise.all(
    Object.entries(expanded).map(async ([name, { info, status }]) => {
      const config = info?.config ?? {};
      return {
        connect: client.name,
        name,
        type: toType(info?.type ?? status?.type),
        class: config['connector.class'] ?? '',
        state: toState(status?.connector.state),
        ...taskCounts(status),
        topics: await topicsOf(client, name, config),
      };
    }),
  );
}

/**
 * Connectors over every Connect cluster of a Kafka cluster. One that does not answer is named in
 * `unavailable` and the others are listed; when none answers, the answer is 503 with their reasons.
 */
export async function listConnectors(
  clients: ConnectClient[],
  query: ConnectorListQuery,
): Promise<ConnectorList> {
  const rows: ConnectorSummary[] = [];
  const unavailable: { connect: string; message: string }[] = [];
  const failures: DomainError[] = [];
  await Promise.all(
    clients.map(async (client) => {
      try {
        rows.push(...(await rowsOf(client)));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'CONNECT_UNAVAILABLE') throw error;
        failures.push(error);
        unavailable.push({ connect: client.name, message: error.message });
      }
    }),
  );
  if (clients.length > 0 && failures.length === clients.length) {
    throw failures.length === 1
      ? failures[0]!
      : new DomainError('CONNECT_UNAVAILABLE', failures.map((f) => f.message).join(' '));
  }
  const search = query.search?.toLowerCase();
  const matching = rows
    .filter((r) => !search || r.name.toLowerCase().includes(search) || r.class.toLowerCase().includes(search))
    .filter((r) => !query.topic || r.topics.includes(query.topic))
    .sort((a, b) => a.connect.localeCompare(b.connect) || a.name.localeCompare(b.name));
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 25;
  return {
    items: matching.slice((page - 1) * perPage, page * perPage),
    total: matching.length,
    page,
    perPage,
    unavailable: unavailable.sort((a, b) => a.connect.localeCompare(b.connect)),
  };
}

/** Right after a create, Connect has no status yet for a moment (404): the connector is then UNASSIGNED. */
async function statusOrUnassigned(client: ConnectClient, name: string): Promise<WireStatus | undefined> {
  try {
    return await client.status(name);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

export async function describeConnector(client: ConnectClient, name: string): Promise<ConnectorDetail> {
  const info = await named(client, name, client.info(name));
  const [status, topics] = await Promise.all([
    statusOrUnassigned(client, name),
    topicsOf(client, name, info.config),
  ]);
  const trace = status?.connector.trace;
  return {
    name,
    type: toType(info.type),
    class: info.config['connector.class'] ?? '',
    config: info.config,
    state: status ? toState(status.connector.state) : 'UNASSIGNED',
    workerId: status?.connector.worker_id ?? '',
    ...(trace ? { trace } : {}),
    tasks: (status?.tasks ?? [])
      .map((t) => ({
        id: t.id,
        state: toState(t.state),
        workerId: t.worker_id,
        ...(t.trace ? { trace: t.trace } : {}),
      }))
      .sort((a, b) => a.id - b.id),
    topics,
  };
}
