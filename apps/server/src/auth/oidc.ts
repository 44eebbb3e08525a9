// Single sign-on with an OpenID Connect provider: authorization code flow with PKCE, state and nonce
// (openid-client). The browser only ever talks to the provider and to us; the code is exchanged here.
import * as client from 'openid-client';
import type { OidcConfig } from '../config/resolve.ts';
import { DomainError } from '../domain/errors.ts';

/** What the browser keeps between the redirect to the provider and the way back (an HttpOnly cookie). */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  /** Where in the app the person was going. */
  returnTo: string;
}

export interface SsoIdentity {
  username: string;
  /** The provider's groups that the configuration maps to roles. */
  groups: string[];
}

const loginFailed = (message: string) => new DomainError('UNAUTHORIZED', message);

export class OidcLogin {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly config: OidcConfig) {}

  get label(): string {
    return this.config.label;
  }

  /** The provider's URL to send the browser to, and what to remember until it comes back. */
  async start(redirectUri: string, returnTo: string): Promise<{ url: string; pending: PendingLogin }> {
    const configuration = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const pending: PendingLogin = {
      verifier,
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.config.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code of the provider's answer (`callbackUrl`) for the person's identity. */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<SsoIdentity> {
    const configuration = await this.configuration();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw loginFailed('Single sign-on failed: the provider sent no ID token.');
      claims = { ...idToken };
      // Many providers put only `sub` in the ID token of the code flow; the rest is at the userinfo endpoint.
      if (this.missing(claims))
        claims = {
          ...claims,
          ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)),
        };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw loginFailed(`Single sign-on failed: ${describe(error)}`);
    }
    const username = this.config.usernameClaims
      .map((name) => claims[name])
      .find((value): value is string => typeof value === 'string' && value !== '');
    if (!username)
      throw loginFailed(
        `Single sign-on failed: the provider's token has none of the claims ${this.config.usernameClaims.join(', ')}.`,
      );
    const raw = claims[this.config.rolesClaim];
    const listed = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
    const groups = listed.filter((g): g is string => typeof g === 'string' && this.config.roles.has(g));
    if (groups.length === 0)
      throw new DomainError(
        'FORBIDDEN',
        `${username} logged in with single sign-on, but none of their ${this.config.rolesClaim} is given a role in Tributary's configuration.`,
      );
    return { username, groups };
  }

  private missing(claims: Record<string, unknown>): boolean {
    return (
      claims[this.config.rolesClaim] === undefined ||
      this.config.usernameClaims.every((name) => claims[name] === undefined)
    );
  }

  /** The provider's metadata, fetched once; a failure is told and tried again at the next login. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        this.config.clientSecret,
        undefined,
        this.config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new DomainError(
          'SSO_UNAVAILABLE',
          `The OpenID provider at ${this.config.issuer} could not be reached: ${describe(error)}`,
        );
      });
    return this.discovered;
  }
}

function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError)
    return `${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `${(error as Error).message}${cause ? ` (${cause})` : ''}`;
}
