import type { ConnectSummary } from '@tributary/contract';
import type { ConnectClient } from '../../connect/client.ts';
import { DomainError } from '../errors.ts';

/** One row per Connect cluster; one that does not answer is listed (starting or offline), never an error. */
export async function summarizeConnect(client: ConnectClient): Promise<ConnectSummary> {
  const base = { name: client.name, url: client.config.url };
  try {
    const root = await client.root();
    return {
      ...base,
      version: root.version,
      commit: root.commit,
      kafkaClusterId: root.kafka_cluster_id,
      status: 'online',
    };
  } catch (error) {
    const message = (error as Error).message;
    const starting = client.launch?.state() === 'starting';
    if (!(error instanceof DomainError)) throw error;
    return {
      ...base,
      version: null,
      commit: null,
      kafkaClusterId: null,
      status: starting ? 'starting' : 'offline',
      error: message,
    };
  }
}

export function listConnects(clients: ConnectClient[]): Promise<ConnectSummary[]> {
  return Promise.all(clients.map(summarizeConnect));
}
