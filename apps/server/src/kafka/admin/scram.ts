// Why: kafkajs has no SCRAM credential APIs and @platformatic/kafka's admin has no method for them, so
// DescribeUserScramCredentials / AlterUserScramCredentials go through its protocol API. The password never
// leaves this process: Kafka takes a salt and the salted password (PBKDF2, RFC 5802's Hi) and keeps its keys.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { ScramMechanisms } from '@platformatic/kafka';
import type { ScramMechanism, ScramUser } from '@tributary/contract';
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';
import { bootstrapConnection, callApi } from './protocol.ts';

const HASH = { 'SCRAM-SHA-256': ['sha256', 32], 'SCRAM-SHA-512': ['sha512', 64] } as const;
const MECHANISMS = {
  'SCRAM-SHA-256': ScramMechanisms.SCRAM_SHA_256,
  'SCRAM-SHA-512': ScramMechanisms.SCRAM_SHA_512,
} as const;
const MECHANISM_NAMES: Record<number, ScramMechanism> = {
  [ScramMechanisms.SCRAM_SHA_256]: 'SCRAM-SHA-256',
  [ScramMechanisms.SCRAM_SHA_512]: 'SCRAM-SHA-512',
};

interface DescribeResponse {
  results: { user: string; credentialInfos: { mechanism: number; iterations: number }[] }[];
}

/** Every SCRAM user and its mechanisms (an empty user list asks for all of them). */
export async function describeScramUsers(connection: ClusterConnection): Promise<ScramUser[]> {
  const response = await runGap(connection, 'describing SCRAM users', async (admin) =>
    callApi<DescribeResponse>(admin, 'DescribeUserScramCredentials', await bootstrapConnection(admin), [[]]),
  );
  return response.results
    .map((r) => ({
      name: r.user,
      mechanisms: r.credentialInfos
        .flatMap((c) => {
          const mechanism = MECHANISM_NAMES[c.mechanism];
          return mechanism ? [{ mechanism, iterations: c.iterations }] : [];
        })
        .sort((a, b) => a.mechanism.localeCompare(b.mechanism)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface ScramUpsert {
  name: string;
  mechanism: ScramMechanism;
  password: string;
  iterations: number;
}

/** AlterUserScramCredentials: upsertions (salted here) and deletions, one user's errors as the broker says. */
export async function alterScramUsers(
  connection: ClusterConnection,
  change: { upsert?: ScramUpsert; delete?: { name: string; mechanism: ScramMechanism }[] },
): Promise<void> {
  const upsertions = change.upsert ? [salted(change.upsert)] : [];
  const deletions = (change.delete ?? []).map((d) => ({
    name: d.name,
    mechanism: MECHANISMS[d.mechanism],
  }));
  const user = change.upsert?.name ?? change.delete?.[0]?.name;
  await runGap(
    connection,
    'changing SCRAM users',
    async (admin) =>
      callApi(admin, 'AlterUserScramCredentials', await bootstrapConnection(admin), [deletions, upsertions]),
    { user },
  );
}

function salted(upsert: ScramUpsert) {
  const [digest, length] = HASH[upsert.mechanism];
  const salt = randomBytes(32);
  return {
    name: upsert.name,
    mechanism: MECHANISMS[upsert.mechanism],
    iterations: upsert.iterations,
    salt,
    saltedPassword: pbkdf2Sync(upsert.password.normalize('NFKC'), salt, upsert.iterations, length, digest),
  };
}
