import type { ConnectorPlugin, PluginConfigKey } from '@tributary/contract';
import type { ConnectClient } from '../../connect/client.ts';
import type { WirePlugin } from '../../connect/wire.ts';
import { badRequest } from '../errors.ts';

const simpleName = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);

/** Connect accepts a class, its simple name, or that name without "Connector" (e.g. `FileStreamSource`). */
export function matchPlugin(plugins: WirePlugin[], wanted: string): WirePlugin | undefined {
  return plugins.find(
    (p) =>
      p.class === wanted ||
      simpleName(p.class) === wanted ||
      simpleName(p.class).replace(/Connector$/, '') === wanted,
  );
}

/** The sentence for a connector class the worker does not have: what is installed and where jars go. */
export function notInstalled(client: ConnectClient, wanted: string, plugins: WirePlugin[]) {
  const installed = plugins
    .filter((p) => p.type === 'source' || p.type === 'sink')
    .map((p) => simpleName(p.class))
    .sort()
    .join(', ');
  const where = client.config.pluginPath
    ? `put its jars in a folder of their own under ${client.config.pluginPath} (the worker's plugin.path) and restart Tributary`
    : `put its jars in a folder under the worker's plugin.path and restart the worker`;
  return badRequest(
    `The connector plugin "${wanted}" is not installed on Kafka Connect cluster "${client.name}". ` +
      `Installed: ${installed || 'none'}. To install it, ${where} (see the README, "Kafka Connect").`,
    { connect: client.name, connectorClass: wanted },
  );
}

/** `GET .../plugins`: connector plugins only (no converters or transforms), sorted by class. */
export async function listPlugins(client: ConnectClient): Promise<ConnectorPlugin[]> {
  const plugins = await client.plugins();
  return plugins
    .flatMap((p): ConnectorPlugin[] =>
      p.type === 'source' || p.type === 'sink'
        ? [{ class: p.class, type: p.type, version: p.version ?? '' }]
        : [],
    )
    .sort((a, b) => a.class.localeCompare(b.class));
}

/** The plugin's config definition, for a generated form: required settings first, then Connect's order. */
export async function pluginConfig(client: ConnectClient, cls: string): Promise<PluginConfigKey[]> {
  const plugins = await client.plugins();
  const plugin = matchPlugin(plugins, cls);
  if (!plugin) throw notInstalled(client, cls, plugins);
  const keys = await client.pluginConfig(plugin.class);
  return keys
    .map((k) => ({
      name: k.name,
      type: k.type,
      required: k.required,
      default: k.default_value,
      importance: k.importance,
      documentation: k.documentation ?? '',
      group: k.group,
      displayName: k.display_name ?? k.name,
      order: k.order_in_group,
    }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}
