import type { ScramMechanism, ScramUser, ScramUserInput } from '@tributary/contract';
import type { SecurityGateway } from '../../kafka/security-gateway.ts';
import { notFound } from '../errors.ts';
import { settle } from './settle.ts';

export function listUsers(security: SecurityGateway): Promise<ScramUser[]> {
  return security.users();
}

/** Creates the user (or sets its password for that mechanism); answers the user without the password. */
export async function upsertUser(security: SecurityGateway, input: ScramUserInput): Promise<ScramUser> {
  await security.upsertUser({ ...input, iterations: input.iterations ?? 4096 });
  const user = (await security.users()).find((u) => u.name === input.name);
  return (
    user ?? {
      name: input.name,
      mechanisms: [{ mechanism: input.mechanism, iterations: input.iterations ?? 4096 }],
    }
  );
}

/** Deletes one mechanism's credential, or (no mechanism) every credential of the user. */
export async function deleteUser(
  security: SecurityGateway,
  name: string,
  mechanism: ScramMechanism | undefined,
): Promise<void> {
  const user = (await security.users()).find((u) => u.name === name);
  const has = user?.mechanisms.map((m) => m.mechanism) ?? [];
  if (!user || (mechanism && !has.includes(mechanism)))
    throw notFound(
      mechanism
        ? `User "${name}" has no ${mechanism} credential on cluster "${security.cluster}".`
        : `There is no SCRAM user "${name}" on cluster "${security.cluster}".`,
    );
  const gone = mechanism ? [mechanism] : has;
  await security.deleteUser(name, gone);
  await settle(async () => {
    const left = (await security.users()).find((u) => u.name === name)?.mechanisms ?? [];
    return !left.some((m) => gone.includes(m.mechanism));
  });
}
