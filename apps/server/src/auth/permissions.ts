// The one table of what each route needs. Every route the server registers must have a row: a route
// without one is refused for everybody (and the enumerated access test fails), never open by accident.
import type { Need } from './grants.ts';

export interface Rule {
  /** `public`: no login (health, the login itself); else the least role that may call it. */
  need: 'public' | Need;
  /**
   * Which name patterns apply: a path parameter, the `name` of the body (a topic being created) or its
   * `topic` (a schedule's target).
   */
  on?: 'topic' | 'group' | 'body.name' | 'body.topic';
  /** Completes "… may not …" and names the action in the audit log. */
  what: string;
  /** A request bearing the configured `metrics.token` may call it without a session. */
  scrapeToken?: boolean;
}

const C = '/api/clusters/:cluster';
const T = `${C}/topics/:topic`;
const G = `${C}/consumer-groups/:group`;
const K = `${C}/connects/:connect`;
const N = `${K}/connectors/:name`;
const S = `${C}/schedules`;
const R = `${C}/schemas`;

export const PERMISSIONS: Record<string, Rule> = {
  'GET /api/health': { need: 'public', what: 'check health' },
  // Load balancers and probes have no login; the answer names clusters, nothing in them.
  'GET /api/ready': { need: 'public', what: 'check readiness' },
  'GET /api/openapi.json': { need: 'public', what: 'read the API description' },
  'POST /api/auth/login': { need: 'public', what: 'log in' },
  'POST /api/auth/logout': { need: 'public', what: 'log out' },
  'GET /api/auth/me': { need: 'public', what: 'see who is logged in' },
  'GET /api/auth/providers': { need: 'public', what: 'see how to log in' },
  'GET /api/auth/oidc/login': { need: 'public', what: 'log in with single sign-on' },
  'GET /api/auth/oidc/callback': { need: 'public', what: 'log in with single sign-on' },
  'GET /api/audit': { need: 'admin', what: 'read the audit log' },

  'GET /api/clusters': { need: 'read', what: 'list clusters' },
  [`GET ${C}`]: { need: 'read', what: 'see the cluster' },
  [`GET ${C}/brokers`]: { need: 'read', what: 'list brokers' },
  [`GET ${C}/brokers/:id/configs`]: { need: 'read', what: "read a broker's configs" },
  [`PATCH ${C}/brokers/:id/configs`]: { need: 'admin', what: "change a broker's configs" },
  [`POST ${C}/leader-election`]: { need: 'admin', what: 'elect preferred leaders' },

  [`GET ${C}/topics`]: { need: 'read', what: 'list topics' },
  [`POST ${C}/topics`]: { need: 'admin', on: 'body.name', what: 'create a topic' },
  [`GET ${T}`]: { need: 'read', on: 'topic', what: 'see a topic' },
  [`DELETE ${T}`]: { need: 'admin', on: 'topic', what: 'delete a topic' },
  [`GET ${T}/configs`]: { need: 'read', on: 'topic', what: "read a topic's configs" },
  [`PATCH ${T}/configs`]: { need: 'admin', on: 'topic', what: "change a topic's configs" },
  [`POST ${T}/partitions`]: { need: 'admin', on: 'topic', what: 'add partitions' },
  [`POST ${T}/clone`]: { need: 'admin', on: 'topic', what: 'clone a topic' },
  [`GET ${T}/reassignments`]: { need: 'read', on: 'topic', what: "see a topic's reassignment" },
  [`POST ${T}/reassignments`]: { need: 'admin', on: 'topic', what: "reassign a topic's partitions" },
  [`DELETE ${T}/reassignments`]: { need: 'admin', on: 'topic', what: "cancel a topic's reassignment" },
  [`DELETE ${T}/records`]: { need: 'operate', on: 'topic', what: "purge a topic's messages" },
  [`GET ${T}/consumer-groups`]: { need: 'read', on: 'topic', what: "list a topic's consumer groups" },
  [`GET ${T}/messages`]: { need: 'read', on: 'topic', what: 'read messages' },
  [`GET ${T}/messages/export`]: { need: 'read', on: 'topic', what: 'export messages' },
  [`GET ${T}/messages/:partition/:offset`]: { need: 'read', on: 'topic', what: 'read a message' },
  [`POST ${T}/messages`]: { need: 'operate', on: 'topic', what: 'produce messages' },
  [`POST ${T}/messages/lines`]: { need: 'operate', on: 'topic', what: 'produce messages' },
  [`POST ${T}/messages/upload`]: { need: 'operate', on: 'topic', what: 'produce messages' },
  [`GET ${T}/search`]: { need: 'read', on: 'topic', what: 'search messages' },
  [`GET ${T}/live`]: { need: 'read', on: 'topic', what: 'tail messages' },
  // Produces the request into the topic (its reply topic is read group-free, like browsing).
  [`POST ${T}/request`]: { need: 'operate', on: 'topic', what: 'send a request' },

  [`GET ${C}/consumer-groups`]: { need: 'read', what: 'list consumer groups' },
  [`GET ${G}`]: { need: 'read', on: 'group', what: 'see a consumer group' },
  [`DELETE ${G}`]: { need: 'admin', on: 'group', what: 'delete a consumer group' },
  // A dry run is the default, but the same request also applies a reset: operators only.
  [`POST ${G}/offsets`]: { need: 'operate', on: 'group', what: "reset a group's offsets" },
  [`DELETE ${G}/offsets`]: { need: 'operate', on: 'group', what: "delete a group's offsets" },
  [`GET ${G}/commits`]: { need: 'read', on: 'group', what: "read a group's commits" },
  [`GET ${G}/lag-history`]: { need: 'read', on: 'group', what: "read a group's lag history" },

  [`GET ${C}/connects`]: { need: 'read', what: 'list Connect clusters' },
  [`GET ${K}/plugins`]: { need: 'read', what: 'list connector plugins' },
  [`GET ${K}/plugins/:class/config`]: { need: 'read', what: "read a plugin's settings" },
  [`GET ${C}/connectors`]: { need: 'read', what: 'list connectors' },
  [`POST ${K}/connectors`]: { need: 'admin', what: 'create a connector' },
  [`GET ${N}`]: { need: 'read', what: 'see a connector' },
  [`DELETE ${N}`]: { need: 'admin', what: 'delete a connector' },
  [`PUT ${N}/config`]: { need: 'admin', what: "change a connector's config" },
  [`POST ${N}/actions/:action`]: { need: 'operate', what: 'pause, resume, stop or restart a connector' },
  [`POST ${N}/tasks/:task/actions/restart`]: { need: 'operate', what: 'restart a task' },
  [`GET ${N}/offsets`]: { need: 'read', what: "read a connector's offsets" },
  [`DELETE ${N}/offsets`]: { need: 'operate', what: "reset a connector's offsets" },
  [`GET ${S}`]: { need: 'read', what: 'list schedules' },
  // A schedule produces into its topic: the same role as producing there.
  [`POST ${S}`]: { need: 'operate', on: 'body.topic', what: 'create a schedule' },
  [`GET ${S}/:id`]: { need: 'read', what: 'see a schedule' },
  [`PUT ${S}/:id`]: { need: 'operate', on: 'body.topic', what: 'change a schedule' },
  [`DELETE ${S}/:id`]: { need: 'operate', what: 'delete a schedule' },
  [`POST ${S}/:id/actions/:action`]: { need: 'operate', what: 'pause, resume or run a schedule' },
  [`GET ${S}/:id/runs`]: { need: 'read', what: "read a schedule's runs" },
  [`GET ${C}/responders`]: { need: 'read', what: 'list responders' },
  // A responder reads its topic and answers on each request's reply-to topic: an operator's act.
  [`POST ${C}/responders`]: { need: 'operate', on: 'body.topic', what: 'start a responder' },
  [`DELETE ${C}/responders/:id`]: { need: 'operate', what: 'stop a responder' },
  [`GET ${C}/templates`]: { need: 'read', what: 'list saved messages' },
  [`POST ${C}/templates`]: { need: 'operate', what: 'save a message as a template' },
  [`POST ${C}/templates/import`]: { need: 'operate', what: 'import saved messages' },
  [`DELETE ${C}/templates/:id`]: { need: 'operate', what: 'delete a saved message' },

  // Kafka's own security: reading it is reading; changing who may do what is an admin's act.
  [`GET ${C}/acls`]: { need: 'read', what: 'list ACLs' },
  [`POST ${C}/acls`]: { need: 'admin', what: 'create ACLs' },
  [`DELETE ${C}/acls`]: { need: 'admin', what: 'delete ACLs' },
  [`POST ${C}/acls/wizards/consumer`]: { need: 'admin', what: "create a consumer's ACLs" },
  [`POST ${C}/acls/wizards/producer`]: { need: 'admin', what: "create a producer's ACLs" },
  [`POST ${C}/acls/wizards/streams`]: { need: 'admin', what: "create a Streams application's ACLs" },
  [`GET ${C}/users`]: { need: 'read', what: 'list SCRAM users' },
  [`POST ${C}/users`]: { need: 'admin', what: 'create a SCRAM user or set its password' },
  [`DELETE ${C}/users/:name`]: { need: 'admin', what: 'delete a SCRAM user' },
  [`GET ${C}/quotas`]: { need: 'read', what: 'list client quotas' },
  [`PUT ${C}/quotas`]: { need: 'admin', what: 'set client quotas' },
  [`DELETE ${C}/quotas`]: { need: 'admin', what: 'remove client quotas' },

  [`GET ${R}`]: { need: 'read', what: 'list schema subjects' },
  [`GET ${R}/ids/:id`]: { need: 'read', what: 'read a schema' },
  [`GET ${R}/:subject`]: { need: 'read', what: 'see a schema subject' },
  [`GET ${R}/:subject/versions/:version`]: { need: 'read', what: 'read a schema version' },
  // Registering a version is what producers' serializers do too; a check (a POST, like every change here)
  // goes with it.
  [`POST ${R}/:subject/check`]: { need: 'operate', what: 'check a schema’s compatibility' },
  [`POST ${R}/:subject`]: { need: 'operate', what: 'register a schema version' },
  [`PUT ${R}/compatibility`]: { need: 'admin', what: 'set the global schema compatibility' },
  [`PUT ${R}/:subject/compatibility`]: { need: 'admin', what: "set a subject's compatibility" },
  [`DELETE ${R}/:subject`]: { need: 'admin', what: 'delete a schema subject' },
  [`DELETE ${R}/:subject/versions/:version`]: { need: 'admin', what: 'delete a schema version' },
};

/** Prometheus metrics: admins, or a scraper with the `metrics.token` bearer token (plugins/access.ts). */
const METRICS: Rule = { need: 'admin', what: 'read the metrics', scrapeToken: true };

/** The rule of a route; HEAD goes with its GET. Undefined: the route has no row (refused for everybody). */
export function ruleOf(method: string, url: string): Rule | undefined {
  if (url === '/metrics') return METRICS;
  // Swagger UI's page and files: the API's description, no data (its "Try it out" calls need a login).
  if (url === '/api/docs' || url.startsWith('/api/docs/'))
    return { need: 'public', what: 'read the API documentation' };
  if (!url.startsWith('/api/')) return { need: 'public', what: 'load the web app' };
  return PERMISSIONS[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}
