// Why: kafkajs 2.2.4 speaks DescribeConfigs v2 (no documentation) and only the legacy AlterConfigs, which
// replaces a topic's whole dynamic config: a PATCH of one key would silently drop every other override.
// The cluster-wide broker default (resource name "") is sent through the protocol API directly: the
// library's admin routes BROKER resources to the broker whose id is Number(name), and Number("") is 0.
import {
  ConfigResourceTypes,
  ConfigSources,
  ConfigTypes,
  IncrementalAlterConfigOperationTypes,
} from '@platformatic/kafka';
import type { ConfigEntry, ConfigSource } from '@tributary/contract';
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';
import { bootstrapConnection, callApi } from './protocol.ts';

type PlatformaticAdmin = Parameters<Parameters<typeof runGap>[2]>[0];
type DescribedConfig = Awaited<ReturnType<PlatformaticAdmin['describeConfigs']>>[number]['configs'][number];

const isClusterDefault = (r: ConfigResource) => r.kind === 'broker' && r.id === 'default';

/** A topic, one broker, or (`id: 'default'`) the cluster-wide broker defaults (resource name ""). */
export type ConfigResource = { kind: 'topic'; name: string } | { kind: 'broker'; id: number | 'default' };

const SOURCE_NAMES = Object.fromEntries(Object.entries(ConfigSources).map(([k, v]) => [v, k])) as Record<
  number,
  string
>;
const TYPE_NAMES = Object.fromEntries(Object.entries(ConfigTypes).map(([k, v]) => [v, k])) as Record<
  number,
  string
>;

// Kafka names a topic override TOPIC_CONFIG on the wire; the Java admin calls it DYNAMIC_TOPIC_CONFIG.
const kafkaSourceName = (source: number) =>
  source === ConfigSources.TOPIC_CONFIG ? 'DYNAMIC_TOPIC_CONFIG' : (SOURCE_NAMES[source] ?? 'UNKNOWN');

function sourceOf(source: number): ConfigSource {
  if (source === ConfigSources.TOPIC_CONFIG) return 'topic';
  if (source === ConfigSources.DEFAULT_CONFIG || source === ConfigSources.UNKNOWN) return 'default';
  return 'broker';
}

const resourceOf = (r: ConfigResource) =>
  r.kind === 'topic'
    ? { resourceType: ConfigResourceTypes.TOPIC, resourceName: r.name }
    : { resourceType: ConfigResourceTypes.BROKER, resourceName: r.id === 'default' ? '' : String(r.id) };

/** Every config of a topic or broker (`kafka-configs --describe --all`), with documentation, by name. */
export async function describeConfigs(
  connection: ClusterConnection,
  resource: ConfigResource,
): Promise<ConfigEntry[]> {
  const options = { resources: [resourceOf(resource)], includeDocumentation: true, includeSynonyms: false };
  const results = await runGap(
    connection,
    'describing configs',
    async (admin) =>
      isClusterDefault(resource)
        ? (
            await callApi<{ results: { configs: DescribedConfig[] }[] }>(
              admin,
              'DescribeConfigs',
              await bootstrapConnection(admin),
              [options.resources, options.includeSynonyms, options.includeDocumentation],
            )
          ).results
        : admin.describeConfigs(options),
    { resource },
  );
  const configs = results.flatMap((r) => r.configs);
  return configs
    .map((c) => ({
      name: c.name,
      value: c.isSensitive ? null : (c.value ?? null),
      source: sourceOf(c.configSource),
      kafkaSource: kafkaSourceName(c.configSource),
      readOnly: c.readOnly,
      sensitive: c.isSensitive,
      type: TYPE_NAMES[c.configType] ?? 'UNKNOWN',
      documentation: c.documentation || null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * IncrementalAlterConfigs: SET the given keys, DELETE (reset to the inherited value) the others, in one
 * atomic request for the resource. `validateOnly` asks the broker to check without applying.
 */
export async function alterConfigsIncrementally(
  connection: ClusterConnection,
  resource: ConfigResource,
  change: { set: Record<string, string>; reset: string[] },
  validateOnly = false,
): Promise<void> {
  const configs = [
    ...Object.entries(change.set).map(([name, value]) => ({
      name,
      value,
      configOperation: IncrementalAlterConfigOperationTypes.SET,
    })),
    ...change.reset.map((name) => ({ name, configOperation: IncrementalAlterConfigOperationTypes.DELETE })),
  ];
  const resources = [{ ...resourceOf(resource), configs }];
  await runGap(
    connection,
    'altering configs',
    async (admin) =>
      isClusterDefault(resource)
        ? void (await callApi(admin, 'IncrementalAlterConfigs', await bootstrapConnection(admin), [
            resources,
            validateOnly,
          ]))
        : admin.incrementalAlterConfigs({ resources, validateOnly }),
    { resource },
  );
}
