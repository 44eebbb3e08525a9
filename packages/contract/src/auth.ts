import { Type, type Static } from 'typebox';

export const Role = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/**
 * Who is using the app: `auth: 'none'` when nobody logs in (everyone may do everything). `clusters` gives
 * the highest role on each permitted cluster, so the web app can disable what the role may not do
 * (topic and group name patterns may narrow it further; the server decides).
 */
export const Me = Type.Object({
  username: Type.String(),
  auth: Type.Union([Type.Literal('none'), Type.Literal('local')]),
  clusters: Type.Array(Type.Object({ name: Type.String(), role: Role })),
});
export type Me = Static<typeof Me>;

/** `GET /api/auth/providers`: how people log in here, for the login page before anyone has. */
/** `GET /api/auth/oidc/login?returnTo=`: where to land after the provider's login. */
export const OidcLoginQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) });
export type OidcLoginQuery = Static<typeof OidcLoginQuery>;

export const AuthProviders = Type.Object({
  /** Local users with a password. */
  password: Type.Boolean(),
  /** Single sign-on: the button's text; its link is `/api/auth/oidc/login?returnTo=<path>`. */
  sso: Type.Union([Type.Object({ label: Type.String() }), Type.Null()]),
});
export type AuthProviders = Static<typeof AuthProviders>;

/** One change made through the API, as the audit log keeps it. */
export const AuditEntry = Type.Object({
  at: Type.String({ description: 'ISO 8601 time' }),
  user: Type.String(),
  method: Type.String(),
  route: Type.String(),
  url: Type.String(),
  action: Type.String(),
  cluster: Type.Optional(Type.String()),
  target: Type.Optional(Type.String()),
  status: Type.Integer(),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** `GET /api/audit?limit=`: the latest `limit` entries of each partition. */
export const AuditQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditList = Type.Object({ entries: Type.Array(AuditEntry), source: Type.String() });
export type AuditList = Static<typeof AuditList>;
