// Sessions kept in memory: the cookie holds a random id (signed), the server the user it belongs to.
// Logging out forgets the id, so a copied cookie stops working; a restart logs everyone out.
import { randomBytes } from 'node:crypto';

interface Session {
  username: string;
  expires: number;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();
  constructor(private readonly ttlMs: number) {}

  create(username: string): string {
    this.prune();
    const id = randomBytes(32).toString('base64url');
    this.byId.set(id, { username, expires: Date.now() + this.ttlMs });
    return id;
  }

  /** The user of a live session, or undefined (unknown or expired). */
  user(id: string): string | undefined {
    const session = this.byId.get(id);
    if (!session) return undefined;
    if (session.expires < Date.now()) {
      this.byId.delete(id);
      return undefined;
    }
    return session.username;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, session] of this.byId) if (session.expires < now) this.byId.delete(id);
  }
}
