import type { Quota, QuotaEntity, QuotaInput, QuotaValues } from '@tributary/contract';
import type { SecurityGateway } from '../../kafka/security-gateway.ts';
import { badRequest } from '../errors.ts';
import { settle } from './settle.ts';

export function listQuotas(security: SecurityGateway): Promise<Quota[]> {
  return security.quotas();
}

/** A user (or the default user), a client id (or the default), or one of each; never both forms at once. */
export function checkEntity(entity: QuotaEntity, where: 'body' | 'query'): QuotaEntity {
  if (entity.user !== undefined && entity.defaultUser)
    throw badRequest(`Invalid ${where} field "defaultUser": give either a user or defaultUser, not both.`);
  if (entity.clientId !== undefined && entity.defaultClientId)
    throw badRequest(
      `Invalid ${where} field "defaultClientId": give either a clientId or defaultClientId, not both.`,
    );
  const { user, defaultUser, clientId, defaultClientId } = entity;
  if (user === undefined && !defaultUser && clientId === undefined && !defaultClientId)
    throw badRequest(
      `Invalid ${where}: name whose quota it is: a user, a clientId, or defaultUser / defaultClientId.`,
    );
  return {
    ...(user !== undefined ? { user } : {}),
    ...(defaultUser ? { defaultUser: true } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(defaultClientId ? { defaultClientId: true } : {}),
  };
}

/** Sets the entity's quotas to exactly `values` and answers them as Kafka now has them. */
export async function putQuota(security: SecurityGateway, input: QuotaInput): Promise<Quota> {
  const { values, ...rest } = input;
  const entity = checkEntity(rest, 'body');
  if (Object.keys(values).length === 0)
    throw badRequest(
      'Invalid body field "values": set producer_byte_rate, consumer_byte_rate or request_percentage (DELETE removes a quota).',
    );
  await security.setQuotas(entity, values);
  await settle(async () => sameValues((await quotaOf(security, entity))?.values ?? {}, values));
  return { ...entity, values };
}

/** Removes every quota of the entity (Kafka answers the same for one that had none). */
export async function deleteQuota(security: SecurityGateway, query: QuotaEntity): Promise<void> {
  const entity = checkEntity(query, 'query');
  await security.setQuotas(entity, {});
  await settle(async () => (await quotaOf(security, entity)) === undefined);
}

const sameEntity = (a: QuotaEntity, b: QuotaEntity) =>
  a.user === b.user &&
  !!a.defaultUser === !!b.defaultUser &&
  a.clientId === b.clientId &&
  !!a.defaultClientId === !!b.defaultClientId;

const sameValues = (a: QuotaValues, b: QuotaValues) =>
  (['producer_byte_rate', 'consumer_byte_rate', 'request_percentage'] as const).every((k) => a[k] === b[k]);

async function quotaOf(security: SecurityGateway, entity: QuotaEntity): Promise<Quota | undefined> {
  return (await security.quotas()).find((q) => sameEntity(q, entity));
}
