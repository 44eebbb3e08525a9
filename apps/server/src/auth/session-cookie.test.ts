import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSession, sealSession, type SessionClaims } from './session-cookie.ts';

const key = randomBytes(32);
const claims: SessionClaims = { username: 'vic', sessionId: 'abc', expires: Date.now() + 60_000 };

describe('session cookie', () => {
  it('opens what it sealed with the same key', () => {
    expect(openSession(sealSession(claims, key), key)).toEqual(claims);
  });

  it('refuses another key, a changed claim, a changed signature and garbage', () => {
    const sealed = sealSession(claims, key);
    expect(openSession(sealed, randomBytes(32))).toBeUndefined();
    const [version, , signature] = sealed.split('.');
    const admin = Buffer.from(JSON.stringify({ u: 'ann', s: 'abc', e: claims.expires })).toString(
      'base64url',
    );
    expect(openSession(`${version}.${admin}.${signature}`, key)).toBeUndefined();
    expect(openSession(`${sealed.slice(0, -2)}AA`, key)).toBeUndefined();
    for (const bad of ['', 'v1', 'v1..', 'v2.a.b', `${sealed}.x`, 'not a cookie'])
      expect(openSession(bad, key)).toBeUndefined();
  });

  it('refuses an expired one', () => {
    const sealed = sealSession({ ...claims, expires: 1000 }, key);
    expect(openSession(sealed, key, 999)).toEqual({ ...claims, expires: 1000 });
    expect(openSession(sealed, key, 1000)).toBeUndefined();
  });
});
