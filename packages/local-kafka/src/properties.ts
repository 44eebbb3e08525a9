import type { TlsFiles } from './tls.ts';

export interface SaslUser {
  username: string;
  password: string;
}

export interface SaslOptions {
  plain: SaslUser[];
  scram: SaslUser[];
}

/**
 * The authorizing cluster's super user (`--acl`, `authorizer: true`): a PLAIN and SCRAM-SHA-256/512 user
 * that every ACL check lets through, for Tributary and the tests. The loopback PLAINTEXT and CONTROLLER
 * listeners (inter-broker, controller, the launcher's readiness check) authenticate nobody, so their
 * principal, User:ANONYMOUS, is a super user too; only the SASL listener is governed by ACLs.
 */
export const SUPER_USER: SaslUser = { username: 'admin', password: 'admin-secret' };

export interface NodePorts {
  id: number;
  client: number;
  controller: number;
  sasl?: number;
  /** The SSL listener's port (mTLS: a client certificate signed by the test CA is required). */
  tls?: number;
}

/** server.properties of one combined broker+controller node (static quorum, loopback only). */
export function nodeProperties(
  node: NodePorts,
  all: NodePorts[],
  dataDir: string,
  sasl?: SaslOptions,
  tls?: TlsFiles,
  authorizer = false,
): string {
  const replication = Math.min(all.length, 3);
  const minIsr = replication > 1 ? 2 : 1;
  const listeners = [`PLAINTEXT://127.0.0.1:${node.client}`, `CONTROLLER://127.0.0.1:${node.controller}`];
  const advertised = [`PLAINTEXT://127.0.0.1:${node.client}`];
  if (sasl && node.sasl) {
    listeners.push(`SASL_PLAINTEXT://127.0.0.1:${node.sasl}`);
    advertised.push(`SASL_PLAINTEXT://127.0.0.1:${node.sasl}`);
  }
  if (tls && node.tls) {
    listeners.push(`SSL://127.0.0.1:${node.tls}`);
    advertised.push(`SSL://127.0.0.1:${node.tls}`);
  }
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': all.map((n) => `${n.id}@127.0.0.1:${n.controller}`).join(','),
    listeners: listeners.join(','),
    'advertised.listeners': advertised.join(','),
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map':
      'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL',
    'log.dirs': dataDir,
    'num.partitions': 1,
    'default.replication.factor': replication,
    'offsets.topic.replication.factor': replication,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': replication,
    'transaction.state.log.min.isr': minIsr,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': replication,
    'share.coordinator.state.topic.min.isr': minIsr,
    // A test consumer group should not wait 3 s for a rebalance that will never bring more members.
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': 'true',
    'delete.topic.enable': 'true',
  };
  if (sasl) {
    const plainUsers = sasl.plain.map((u) => `user_${u.username}="${u.password}"`).join(' ');
    props['sasl.enabled.mechanisms'] = authorizer
      ? 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512'
      : 'PLAIN,SCRAM-SHA-256';
    props['listener.name.sasl_plaintext.plain.sasl.jaas.config'] =
      `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`;
    props['listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config'] =
      'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    if (authorizer)
      props['listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config'] =
        'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  }
  if (authorizer) {
    props['authorizer.class.name'] = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';
    props['super.users'] = `User:${SUPER_USER.username};User:ANONYMOUS`;
    props['allow.everyone.if.no.acl.found'] = 'false';
  }
  if (tls) {
    const ssl = 'listener.name.ssl.ssl';
    props[`${ssl}.keystore.location`] = tls.keystore;
    props[`${ssl}.keystore.password`] = tls.password;
    props[`${ssl}.key.password`] = tls.password;
    props[`${ssl}.keystore.type`] = 'PKCS12';
    props[`${ssl}.truststore.location`] = tls.truststore;
    props[`${ssl}.truststore.password`] = tls.password;
    props[`${ssl}.truststore.type`] = 'PKCS12';
    props[`${ssl}.client.auth`] = 'required';
  }
  return renderProperties(props);
}

/** A Java .properties file: one `key=value` a line, in insertion order, ending with a newline. */
export function renderProperties(props: Record<string, string | number>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')
    .concat('\n');
}

/** Log4j2 to stdout, warnings only; the broker and the Connect worker add their own INFO loggers. */
export const STDOUT_WARN_LOG4J2 = `status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = STDOUT
`;

/** Log4j2 in properties form (needs no YAML jar); warnings only, the broker's stdout goes to a file. */
export const LOG4J2_PROPERTIES = `${STDOUT_WARN_LOG4J2}logger.server.name = kafka.server.KafkaRaftServer
logger.server.level = INFO
logger.broker.name = kafka.server.BrokerServer
logger.broker.level = INFO
`;

/** For the command-line tools: warnings to stderr so stdout holds only what the tool prints. */
export const TOOLS_LOG4J2_PROPERTIES = `status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
`;
