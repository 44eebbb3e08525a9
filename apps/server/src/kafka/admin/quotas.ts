// Why: kafkajs has no client quota APIs; @platformatic/kafka's admin has DescribeClientQuotas and
// AlterClientQuotas. An entity is a user and/or a client id, each named or the default (entityName null).
import { ClientQuotaEntityTypes, ClientQuotaKeys } from '@platformatic/kafka';
import type { Quota, QuotaEntity, QuotaValues } from '@tributary/contract';
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';

const KEYS = Object.values(ClientQuotaKeys);
type Key = (typeof KEYS)[number];

/** Every quota set on the cluster (users, client ids, both, and the defaults). */
export async function describeQuotas(connection: ClusterConnection): Promise<Quota[]> {
  const entries = await runGap(connection, 'describing client quotas', (admin) =>
    admin.describeClientQuotas({
      // No component, not strict: every entity (users, client ids, pairs, defaults).
      components: [],
      strict: false,
    }),
  );
  return entries.map((entry) => {
    const quota: Quota = { values: {} };
    for (const { entityType, entityName } of entry.entity) {
      if (entityType === ClientQuotaEntityTypes.USER) {
        if (entityName === null) quota.defaultUser = true;
        else quota.user = entityName;
      } else if (entityName === null) quota.defaultClientId = true;
      else quota.clientId = entityName;
    }
    for (const { key, value } of entry.values) quota.values[key as Key] = value;
    return quota;
  });
}

function entitiesOf(entity: QuotaEntity) {
  const entities: {
    entityType: (typeof ClientQuotaEntityTypes)[keyof typeof ClientQuotaEntityTypes];
    entityName: string | null;
  }[] = [];
  if (entity.user !== undefined || entity.defaultUser)
    entities.push({ entityType: ClientQuotaEntityTypes.USER, entityName: entity.user ?? null });
  if (entity.clientId !== undefined || entity.defaultClientId)
    entities.push({ entityType: ClientQuotaEntityTypes.CLIENT_ID, entityName: entity.clientId ?? null });
  return entities;
}

/** AlterClientQuotas for one entity: the keys in `values` are set, every other key removed. */
export async function setQuotas(
  connection: ClusterConnection,
  entity: QuotaEntity,
  values: QuotaValues,
): Promise<void> {
  const ops = KEYS.map((key) => {
    const value = values[key];
    return value === undefined ? { key, remove: true as const } : { key, value, remove: false as const };
  });
  await runGap(
    connection,
    'changing client quotas',
    (admin) => admin.alterClientQuotas({ entries: [{ entities: entitiesOf(entity), ops }] }),
    { entity },
  );
}
