// What the shared session topic says, read in offset order: the signing key (the first one written wins,
// so two servers that start at once and both propose one agree) and the sessions logged out and not yet
// expired. Each proposal has a key of its own, so compaction never replaces the winner with a later one.
export const KEY_PREFIX = 'session-key/';
export const REVOKED_PREFIX = 'revoked/';

export class SessionLog {
  /** The first key record of the topic; undefined until one is read. */
  key: Buffer | undefined;
  private readonly revoked = new Map<string, number>();

  apply(key: string, value: Buffer | null, now = Date.now()): void {
    if (key.startsWith(KEY_PREFIX)) {
      if (this.key === undefined && value !== null && value.length >= 32) this.key = value;
      return;
    }
    if (!key.startsWith(REVOKED_PREFIX)) return; // not ours: ignored
    const id = key.slice(REVOKED_PREFIX.length);
    if (value === null) return void this.revoked.delete(id);
    const expires = expiresOf(value);
    if (expires !== undefined && expires > now) this.revoked.set(id, expires);
  }

  revoke(id: string, expires: number): void {
    this.revoked.set(id, expires);
  }

  isRevoked(id: string, now = Date.now()): boolean {
    const expires = this.revoked.get(id);
    if (expires === undefined) return false;
    // Past its expiry the cookie is refused anyway: forgotten, so the map does not grow forever.
    if (expires <= now) this.revoked.delete(id);
    return true;
  }
}

export function revocationRecord(id: string, expires: number): { key: Buffer; value: Buffer } {
  return {
    key: Buffer.from(`${REVOKED_PREFIX}${id}`),
    value: Buffer.from(JSON.stringify({ expires })),
  };
}

function expiresOf(value: Buffer): number | undefined {
  try {
    const parsed = JSON.parse(value.toString('utf8')) as { expires?: unknown };
    return typeof parsed.expires === 'number' ? parsed.expires : undefined;
  } catch {
    return undefined;
  }
}
