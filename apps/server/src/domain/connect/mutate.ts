import type {
  ConnectorAction,
  ConnectorActionResult,
  ConnectorConfig,
  ConnectorDetail,
  ConnectorOffsets,
  CreateConnectorBody,
  FieldErrors,
  RestartOptions,
} from '@tributary/contract';
import type { ConnectClient } from '../../connect/client.ts';
import { DomainError, badRequest, conflict } from '../errors.ts';
import { describeConnector, named } from './connectors.ts';
import { matchPlugin, notInstalled } from './plugins.ts';
import { stringifyConfig, toState } from './wire-map.ts';

/**
 * Checks a config the way Connect would before anything is created: the class must be installed, and
 * Connect's own validation (`PUT /connector-plugins/{class}/config/validate`) must find no field in error.
 */
async function checkConfig(client: ConnectClient, name: string, config: Record<string, string>) {
  const cls = config['connector.class']?.trim();
  if (!cls) {
    throw new DomainError(
      'BAD_REQUEST',
      'The configuration needs "connector.class": the plugin to run, e.g. FileStreamSource.',
      { connect: client.name },
      [{ name: 'connector.class', errors: ['Missing required configuration "connector.class".'] }],
    );
  }
  const plugins = await client.plugins();
  const plugin = matchPlugin(plugins, cls);
  if (!plugin) throw notInstalled(client, cls, plugins);
  // Stored with its full class (an alias like FileStreamSource is resolved), so lists show one spelling.
  config['connector.class'] = plugin.class;
  const validation = await client.validate(plugin.class, { ...config, name });
  const fields: FieldErrors[] = validation.configs
    .map((c) => ({ name: c.value.name, errors: c.value.errors }))
    .filter((f) => f.errors.length > 0);
  if (validation.error_count > 0 || fields.length > 0) {
    const list = fields.map((f) => `${f.name}: ${f.errors.join(' ')}`).join('; ');
    throw new DomainError(
      'BAD_REQUEST',
      `Kafka Connect refused the configuration of "${name}": ${list}`,
      { connect: client.name, connector: name },
      fields,
    );
  }
}

function connectorConfig(name: string, config: ConnectorConfig): Record<string, string> {
  const strings = stringifyConfig(config);
  if (strings.name !== undefined && strings.name !== name)
    throw badRequest(`The config's "name" (${strings.name}) differs from the connector's name (${name}).`);
  return strings;
}

async function exists(client: ConnectClient, name: string): Promise<boolean> {
  try {
    await client.info(name);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

export async function createConnector(
  client: ConnectClient,
  body: CreateConnectorBody,
): Promise<ConnectorDetail> {
  const config = connectorConfig(body.name, body.config);
  if (await exists(client, body.name))
    throw conflict(
      `A connector named "${body.name}" already exists on Kafka Connect cluster "${client.name}".`,
    );
  await checkConfig(client, body.name, config);
  await client.create(body.name, config);
  return describeConnector(client, body.name);
}

export async function updateConnectorConfig(
  client: ConnectClient,
  name: string,
  config: ConnectorConfig,
): Promise<ConnectorDetail> {
  const strings = connectorConfig(name, config);
  await named(client, name, client.info(name));
  await checkConfig(client, name, strings);
  await client.putConfig(name, strings);
  return describeConnector(client, name);
}

export async function deleteConnector(client: ConnectClient, name: string): Promise<void> {
  await named(client, name, client.delete(name));
}

/** pause / resume / stop / restart; answers the state Connect reports right after (it changes shortly). */
export async function connectorAction(
  client: ConnectClient,
  name: string,
  action: ConnectorAction,
  options: RestartOptions = {},
): Promise<ConnectorActionResult> {
  if (action === 'restart')
    await named(
      client,
      name,
      client.restart(name, options.includeTasks ?? false, options.onlyFailed ?? false),
    );
  else await named(client, name, client.setTargetState(name, action));
  const status = await named(client, name, client.status(name));
  return { name, state: toState(status.connector.state) };
}

export async function restartTask(client: ConnectClient, name: string, task: number): Promise<void> {
  const status = await named(client, name, client.status(name));
  if (!status.tasks.some((t) => t.id === task)) {
    const ids = status.tasks.map((t) => t.id).join(', ') || 'none';
    throw new DomainError('NOT_FOUND', `Connector "${name}" has no task ${task} (its tasks: ${ids}).`);
  }
  await client.restartTask(name, task);
}

export function connectorOffsets(client: ConnectClient, name: string): Promise<ConnectorOffsets> {
  return named(client, name, client.offsets(name));
}

/** Connect resets offsets only while the connector is STOPPED: say so before asking. */
export async function resetConnectorOffsets(client: ConnectClient, name: string) {
  const status = await named(client, name, client.status(name));
  if (status.connector.state !== 'STOPPED')
    throw conflict(
      `Connector "${name}" is ${status.connector.state}: its offsets can only be reset while it is STOPPED. Stop it first.`,
    );
  return named(client, name, client.resetOffsets(name));
}
