// The Kafka gateway for a cluster's own security: ACLs, SCRAM users and client quotas. domain/security/*
// see only this and the contract's plain types; the calls go through kafka/admin (@platformatic/kafka).
import type { Acl, AclQuery, Quota, QuotaEntity, QuotaValues, ScramUser } from '@tributary/contract';
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import { createAcls, deleteAcls, describeAcls } from './admin/acls.ts';
import { alterScramUsers, describeScramUsers, type ScramUpsert } from './admin/scram.ts';
import { describeQuotas, setQuotas } from './admin/quotas.ts';

export type { ScramUpsert };

export class SecurityGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get cluster(): string {
    return this.connection.name;
  }

  acls(query: AclQuery): Promise<Acl[]> {
    return describeAcls(this.connection, query);
  }

  createAcls(bindings: Acl[]): Promise<void> {
    return createAcls(this.connection, bindings);
  }

  deleteAcls(query: AclQuery): Promise<Acl[]> {
    return deleteAcls(this.connection, query);
  }

  users(): Promise<ScramUser[]> {
    return describeScramUsers(this.connection);
  }

  upsertUser(user: ScramUpsert): Promise<void> {
    return alterScramUsers(this.connection, { upsert: user });
  }

  deleteUser(name: string, mechanisms: ScramUser['mechanisms'][number]['mechanism'][]): Promise<void> {
    return alterScramUsers(this.connection, { delete: mechanisms.map((mechanism) => ({ name, mechanism })) });
  }

  quotas(): Promise<Quota[]> {
    return describeQuotas(this.connection);
  }

  setQuotas(entity: QuotaEntity, values: QuotaValues): Promise<void> {
    return setQuotas(this.connection, entity, values);
  }
}

/** The security gateway of one cluster connection. */
export const securityGateway = perConnection((connection) => new SecurityGateway(connection));
