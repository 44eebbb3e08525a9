// Why @platformatic/kafka and not kafkajs (which has describeAcls/createAcls/deleteAcls): kafkajs 2.2.4
// checks bindings against its own enums, which end at DELEGATION_TOKEN and IDEMPOTENT_WRITE, so the USER
// resource type and the token operations would be refused before reaching Kafka.
import {
  AclOperations,
  AclPermissionTypes,
  ResourcePatternTypes,
  ResourceTypes,
  type Acl as KafkaAcl,
} from '@platformatic/kafka';
import type { Acl, AclFilterPatternType, AclQuery } from '@tributary/contract';
import type { ClusterConnection } from '../cluster-connection.ts';
import { DomainError } from '../../domain/errors.ts';
import { runGap } from './errors.ts';

type Named<T extends Record<string, number>> = keyof T & string;

function byName<T extends Record<string, number>>(table: T, name: string): T[keyof T] {
  const value = table[name as keyof T];
  if (value === undefined) throw new DomainError('BAD_REQUEST', `Unknown ACL value "${name}"`);
  return value;
}

function nameOf<T extends Record<string, number>>(table: T, value: number): Named<T> {
  const found = Object.entries(table).find(([, v]) => v === value);
  return (found?.[0] ?? 'UNKNOWN') as Named<T>;
}

function toKafka(acl: Acl): KafkaAcl {
  return {
    principal: acl.principal,
    host: acl.host,
    resourceType: byName(ResourceTypes, acl.resourceType),
    resourceName: acl.resourceName,
    resourcePatternType: byName(ResourcePatternTypes, acl.patternType),
    operation: byName(AclOperations, acl.operation),
    permissionType: byName(AclPermissionTypes, acl.permissionType),
  };
}

function fromKafka(acl: KafkaAcl): Acl {
  return {
    principal: acl.principal,
    host: acl.host,
    resourceType: nameOf(ResourceTypes, acl.resourceType) as Acl['resourceType'],
    resourceName: acl.resourceName,
    patternType: nameOf(ResourcePatternTypes, acl.resourcePatternType) as Acl['patternType'],
    operation: nameOf(AclOperations, acl.operation) as Acl['operation'],
    permissionType: nameOf(AclPermissionTypes, acl.permissionType) as Acl['permissionType'],
  };
}

function filterOf(query: AclQuery) {
  const pattern: AclFilterPatternType | 'ANY' = query.patternType ?? 'ANY';
  return {
    principal: query.principal ?? null,
    host: query.host ?? null,
    resourceType: query.resourceType ? ResourceTypes[query.resourceType] : ResourceTypes.ANY,
    resourceName: query.resourceName ?? null,
    resourcePatternType: ResourcePatternTypes[pattern],
    operation: query.operation ? AclOperations[query.operation] : AclOperations.ANY,
    permissionType: query.permissionType ? AclPermissionTypes[query.permissionType] : AclPermissionTypes.ANY,
  };
}

/** A cluster without `authorizer.class.name` answers SECURITY_DISABLED: say so in a sentence. */
function withoutAuthorizer(connection: ClusterConnection, error: unknown): unknown {
  if (error instanceof DomainError && error.details?.kafkaError === 'SECURITY_DISABLED')
    return new DomainError(
      'CONFLICT',
      `Cluster "${connection.name}" has no authorizer (its brokers set no authorizer.class.name), so it ` +
        'keeps no ACLs and lets every client do everything. Configure an authorizer on its brokers to manage ACLs.',
      error.details,
    );
  return error;
}

async function acls<T>(connection: ClusterConnection, what: string, call: Parameters<typeof runGap<T>>[2]) {
  try {
    return await runGap(connection, what, call);
  } catch (error) {
    throw withoutAuthorizer(connection, error);
  }
}

/** DescribeAcls: the bindings matching the filter, one entry per binding. */
export async function describeAcls(connection: ClusterConnection, query: AclQuery): Promise<Acl[]> {
  const resources = await acls(connection, 'describing ACLs', (admin) =>
    admin.describeAcls({ filter: filterOf(query) }),
  );
  return resources.flatMap((r) =>
    r.acls.map((a) =>
      fromKafka({
        ...a,
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        resourcePatternType: r.resourcePatternType,
      }),
    ),
  );
}

/** CreateAcls: every binding, or (a per-binding error) the first broker sentence. */
export async function createAcls(connection: ClusterConnection, bindings: Acl[]): Promise<void> {
  await acls(connection, 'creating ACLs', (admin) => admin.createAcls({ creations: bindings.map(toKafka) }));
}

/** DeleteAcls with one filter: the bindings it deleted. */
export async function deleteAcls(connection: ClusterConnection, query: AclQuery): Promise<Acl[]> {
  const deleted = await acls(connection, 'deleting ACLs', (admin) =>
    admin.deleteAcls({ filters: [filterOf(query)] }),
  );
  return deleted.map(fromKafka);
}
