// The ACL wizards (kafka-ui has the same three): the exact bindings a consumer, a producer or a Kafka
// Streams application needs. A dry run answers them without creating anything (the UI's preview).
import type {
  Acl,
  AclChange,
  AclOperation,
  AclPatternType,
  AclResourceType,
  ConsumerAclWizard,
  ProducerAclWizard,
  StreamsAclWizard,
} from '@tributary/contract';
import type { SecurityGateway } from '../../kafka/security-gateway.ts';
import { appliedAll } from './acls.ts';

type Who = { principal: string; host?: string | undefined };

const allow =
  (who: Who) =>
  (
    resourceType: AclResourceType,
    resourceName: string,
    operation: AclOperation,
    patternType: AclPatternType = 'LITERAL',
  ): Acl => ({
    principal: who.principal,
    host: who.host ?? '*',
    resourceType,
    resourceName,
    patternType,
    operation,
    permissionType: 'ALLOW',
  });

/** READ on the topic(s) and READ on the group(s): READ implies DESCRIBE, so this is all a consumer needs. */
export function consumerBindings(input: ConsumerAclWizard): Acl[] {
  const acl = allow(input);
  return [
    acl('TOPIC', input.topic, 'READ', input.topicPatternType),
    acl('GROUP', input.group, 'READ', input.groupPatternType),
  ];
}

/** WRITE and DESCRIBE on the topic(s); a transactional id's WRITE and DESCRIBE; IDEMPOTENT_WRITE. */
export function producerBindings(input: ProducerAclWizard): Acl[] {
  const acl = allow(input);
  const bindings = [
    acl('TOPIC', input.topic, 'WRITE', input.topicPatternType),
    acl('TOPIC', input.topic, 'DESCRIBE', input.topicPatternType),
  ];
  if (input.transactionalId)
    bindings.push(
      acl('TRANSACTIONAL_ID', input.transactionalId, 'WRITE', input.transactionalIdPatternType),
      acl('TRANSACTIONAL_ID', input.transactionalId, 'DESCRIBE', input.transactionalIdPatternType),
    );
  if (input.idempotent) bindings.push(acl('CLUSTER', 'kafka-cluster', 'IDEMPOTENT_WRITE'));
  return bindings;
}

/**
 * Kafka Streams (its security guide): READ the inputs, WRITE the outputs, ALL on its internal topics and
 * transactional ids (both prefixed by the application id), READ its consumer group (the application id).
 */
export function streamsBindings(input: StreamsAclWizard): Acl[] {
  const acl = allow(input);
  const app = input.applicationId;
  return [
    ...input.inputTopics.map((t) => acl('TOPIC', t, 'READ')),
    ...(input.outputTopics ?? []).map((t) => acl('TOPIC', t, 'WRITE')),
    acl('TOPIC', app, 'ALL', 'PREFIXED'),
    acl('GROUP', app, 'READ'),
    acl('TRANSACTIONAL_ID', app, 'ALL', 'PREFIXED'),
  ];
}

/** The bindings, created unless this is a dry run. */
export async function applyWizard(
  security: SecurityGateway,
  bindings: Acl[],
  dryRun: boolean | undefined,
): Promise<AclChange> {
  if (!dryRun) {
    await security.createAcls(bindings);
    await appliedAll(security, bindings, true);
  }
  return { dryRun: dryRun ?? false, acls: bindings };
}
