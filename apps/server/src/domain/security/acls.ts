import type { Acl, AclBindingInput, AclChange, AclDeleteQuery, AclQuery } from '@tributary/contract';
import type { SecurityGateway } from '../../kafka/security-gateway.ts';
import { badRequest } from '../errors.ts';
import { settle } from './settle.ts';

/** A binding with Kafka's defaults filled in: any host, a literal name, ALLOW. */
export function bindingOf(input: AclBindingInput): Acl {
  return {
    principal: input.principal,
    host: input.host ?? '*',
    resourceType: input.resourceType,
    resourceName: input.resourceName,
    patternType: input.patternType ?? 'LITERAL',
    operation: input.operation,
    permissionType: input.permissionType ?? 'ALLOW',
  };
}

/** Kafka names the one cluster resource `kafka-cluster`; anything else would never match a request. */
function checkBinding(acl: Acl, where: string): void {
  if (acl.resourceType === 'CLUSTER' && acl.resourceName !== 'kafka-cluster')
    throw badRequest(
      `Invalid ${where}field "resourceName": a CLUSTER resource is always named "kafka-cluster".`,
    );
  if (acl.resourceType === 'CLUSTER' && acl.patternType !== 'LITERAL')
    throw badRequest(`Invalid ${where}field "patternType": a CLUSTER resource takes only LITERAL.`);
}

export function listAcls(security: SecurityGateway, query: AclQuery): Promise<Acl[]> {
  return security.acls(query);
}

/** CreateAcls for one binding or a list; answers the bindings as Kafka keeps them. */
export async function createAcls(
  security: SecurityGateway,
  input: AclBindingInput | AclBindingInput[],
): Promise<Acl[]> {
  const list = Array.isArray(input) ? input : [input];
  const bindings = list.map(bindingOf);
  bindings.forEach((b, i) => checkBinding(b, Array.isArray(input) ? `binding ${i}: ` : ''));
  await security.createAcls(bindings);
  await appliedAll(security, bindings, true);
  return bindings;
}

const same = (a: Acl, b: Acl) =>
  a.principal === b.principal &&
  a.host === b.host &&
  a.resourceType === b.resourceType &&
  a.resourceName === b.resourceName &&
  a.patternType === b.patternType &&
  a.operation === b.operation &&
  a.permissionType === b.permissionType;

/** Until the broker lists every binding (`present`) or none of them: the change is in force. */
export async function appliedAll(
  security: SecurityGateway,
  bindings: Acl[],
  present: boolean,
): Promise<void> {
  const principals = [...new Set(bindings.map((b) => b.principal))];
  await settle(async () => {
    const listed = (await Promise.all(principals.map((principal) => security.acls({ principal })))).flat();
    return bindings.every((b) => listed.some((l) => same(l, b)) === present);
  });
}

/**
 * DeleteAcls with one filter. A dry run (the default) lists what DescribeAcls finds for the same filter;
 * an empty filter (which would delete every ACL of the cluster) is refused.
 */
export async function deleteAcls(security: SecurityGateway, query: AclDeleteQuery): Promise<AclChange> {
  const { dryRun = true, ...filter } = query;
  if (!filter.principal && !filter.resourceType && !filter.resourceName)
    throw badRequest(
      'Name what to delete: a principal, a resourceType or a resourceName (an empty filter would delete every ACL).',
    );
  if (filter.patternType === 'MATCH')
    throw badRequest(
      'Invalid query field "patternType": MATCH finds the ACLs that apply to a name; delete them by their own pattern type.',
    );
  if (dryRun) return { dryRun: true, acls: await security.acls(filter) };
  const deleted = await security.deleteAcls(filter);
  await appliedAll(security, deleted, false);
  return { dryRun: false, acls: deleted };
}
