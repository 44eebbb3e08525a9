import { renderProperties, STDOUT_WARN_LOG4J2 } from './properties.ts';

export interface ConnectWorkerConfig {
  bootstrapServers: string[];
  restPort: number;
  groupId: string;
  pluginPath: string;
  replicationFactor: number;
  pluginDiscovery: 'service_load' | 'hybrid_warn';
  extra: Record<string, string | number>;
}

/** The names Kafka's sample connect-distributed.properties uses: what course material shows. */
export const CONNECT_GROUP_ID = 'connect-cluster';

/** The worker's internal topics: `connect-configs` etc. for the default group, `<group>-configs` otherwise. */
export function connectTopics(groupId: string) {
  const prefix = groupId === CONNECT_GROUP_ID ? 'connect' : groupId;
  return { config: `${prefix}-configs`, offset: `${prefix}-offsets`, status: `${prefix}-status` };
}

/** connect-distributed.properties of a loopback worker for a local cluster. */
export function connectWorkerProperties(config: ConnectWorkerConfig): string {
  const rf = config.replicationFactor;
  const topics = connectTopics(config.groupId);
  const props: Record<string, string | number> = {
    'bootstrap.servers': config.bootstrapServers.join(','),
    'group.id': config.groupId,
    listeners: `http://127.0.0.1:${config.restPort}`,
    'rest.advertised.host.name': '127.0.0.1',
    'rest.advertised.port': config.restPort,
    // Strings in and out by default: a FileStream connector's lines arrive in the topic (and back in a
    // file) exactly as written. A connector may set its own key.converter / value.converter.
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'config.storage.topic': topics.config,
    'config.storage.replication.factor': rf,
    'offset.storage.topic': topics.offset,
    'offset.storage.replication.factor': rf,
    'offset.storage.partitions': 5,
    'status.storage.topic': topics.status,
    'status.storage.replication.factor': rf,
    'status.storage.partitions': 1,
    // Offsets visible within a second (the offsets API and a stop/resume read them).
    'offset.flush.interval.ms': 1000,
    // Default 5 min: after a restart, tasks would wait that long for a worker that never comes back.
    'scheduled.rebalance.max.delay.ms': 0,
    'plugin.path': config.pluginPath,
    'plugin.discovery': config.pluginDiscovery,
    ...config.extra,
  };
  return renderProperties(props);
}

/** Warnings and Connect's own start/stop lines; a failing task's stack trace is an ERROR, so it stays. */
export const CONNECT_LOG4J2_PROPERTIES = `${STDOUT_WARN_LOG4J2}logger.connect.name = org.apache.kafka.connect.runtime.Connect
logger.connect.level = INFO
`;
