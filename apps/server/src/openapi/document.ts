// How the OpenAPI document is shaped from the routes: tags by resource, the error shape on every operation,
// and the contract's schemas named as components (so a reader sees `TopicList`, not a page of JSON Schema).
import { CONTRACT_NAME_OF, CONTRACT_SCHEMAS, fingerprint, type JsonSchema } from './contract-schemas.ts';

const REF = '#/components/schemas/';

/** The resource a path belongs to, as the document's tag. */
export function tagOf(url: string): string {
  if (url.startsWith('/api/docs') || url === '/api/openapi.json') return 'documentation';
  if (url === '/metrics' || url === '/api/health' || url === '/api/ready') return 'operations';
  if (url.startsWith('/api/auth/') || url === '/api/audit') return 'auth';
  const rest = url.replace(/^\/api\/clusters\/:cluster\/?/, '');
  if (rest === url) return 'clusters';
  const [first = '', , third] = rest.split('/');
  if (first === 'topics' && (third === 'messages' || third === 'search' || third === 'live'))
    return 'messages';
  if (first === 'topics' && third === 'consumer-groups') return 'consumer-groups';
  if (first === 'connects' || first === 'connectors') return 'connect';
  if (first === '' || first === 'brokers' || first === 'leader-election') return 'clusters';
  return first;
}

export const TAGS = [
  {
    name: 'clusters',
    description: 'Clusters and brokers (`kafka-broker-api-versions`, `kafka-configs --entity-type brokers`).',
  },
  { name: 'topics', description: 'Topics (`kafka-topics`, `kafka-configs --entity-type topics`).' },
  {
    name: 'messages',
    description:
      'Browse, search, export, produce and tail messages. Never joins, creates or commits a consumer group.',
  },
  { name: 'consumer-groups', description: 'Consumer groups (`kafka-consumer-groups`).' },
  { name: 'connect', description: 'Kafka Connect clusters and connectors, through this server.' },
  { name: 'schedules', description: 'Messages produced on a schedule.' },
  { name: 'auth', description: 'Login, logout, who is logged in, and the audit log.' },
  { name: 'operations', description: 'Health, readiness and Prometheus metrics.' },
  { name: 'documentation', description: 'This document and its page.' },
];

type Operation = {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No content',
  '400': 'Bad request: the message says which field and why',
  '401': 'Not logged in',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Conflict',
  '413': 'Too large',
  '426': 'Upgrade required: this is a WebSocket',
  '429': 'Too many at once',
  '4XX': 'A mistake in the request, said in a sentence',
  '500': 'Unexpected error (the server log has the details)',
  '502': 'Kafka (or Kafka Connect) refused: its error, said in a sentence',
  '503': 'Kafka (or Kafka Connect) does not answer: the sentence names the cluster',
  '5XX': 'Kafka, Kafka Connect or the server failed, said in a sentence',
};

/** Replaces a contract schema by a reference to its named component (and records the component). */
function named(schema: JsonSchema | undefined, components: Record<string, unknown>): JsonSchema | undefined {
  if (!schema) return schema;
  const name = CONTRACT_NAME_OF.get(fingerprint(schema));
  if (!name) return schema;
  components[name] = CONTRACT_SCHEMAS.get(name);
  return { $ref: REF + name };
}

/** Post-processes @fastify/swagger's document: contract schemas become named components, responses get reasons. */
export function nameContractSchemas<T>(document: T, mentioned: string[] = []): T {
  const doc = document as Document;
  const components: Record<string, unknown> = { ...doc.components?.schemas };
  for (const name of mentioned) components[name] = CONTRACT_SCHEMAS.get(name);
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        media.schema = named(media.schema, components);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!response.description || response.description === 'Default Response')
          response.description = REASONS[status] ?? 'Answer';
        for (const media of Object.values(response.content ?? {}))
          media.schema = named(media.schema, components);
      }
    }
  }
  // Component order is the reader's index: alphabetical.
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  doc.components = { ...doc.components, schemas: sorted };
  return document;
}

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown>; tags?: string[] };

const text = (description: string, mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
});

/**
 * Answers that no response schema describes (streams, empty bodies, WebSocket upgrades), by `METHOD url`.
 * The document test fails when a route has no success answer here or in its own schema.
 */
const UNSCHEMED: Record<string, Record<string, unknown>> = {
  'GET /api/clusters/:cluster/topics/:topic/messages/export': {
    200: text(
      'A download: one JSON object per line (`format=jsonl`) or CSV with a header row (`format=csv`).',
      ['application/x-ndjson', 'text/csv'],
    ),
  },
  'POST /api/clusters/:cluster/topics/:topic/messages/upload': {
    200: text(
      'JSON Lines while it runs: `{"type":"progress","sent","total","ratePerSec"}` …, then one ' +
        '`{"type":"done","written","total","elapsedMs","error?"}` (see ProduceSummary).',
      ['application/x-ndjson'],
    ),
  },
  'GET /api/clusters/:cluster/topics/:topic/search': {
    101: { description: 'Switching protocols: the WebSocket is open (see the operation description).' },
  },
  'GET /api/clusters/:cluster/topics/:topic/live': {
    101: { description: 'Switching protocols: the WebSocket is open (see the operation description).' },
  },
  'GET /api/openapi.json': {
    200: {
      description: 'This document (OpenAPI 3.1)',
      content: { 'application/json': { schema: { type: 'object' } } },
    },
  },
  'GET /metrics': {
    200: text('Prometheus text exposition format.', ['text/plain; version=0.0.4']),
  },
  'DELETE /api/clusters/:cluster/consumer-groups/:group': { 204: { description: 'Deleted' } },
  'GET /api/auth/oidc/login': { 302: { description: "Redirect to the identity provider's login" } },
  'GET /api/auth/oidc/callback': {
    302: { description: 'Back from the provider: to the page asked for, or /login?error= with the reason' },
  },
  'POST /api/auth/logout': { 204: { description: 'Logged out (the session cookie is cleared)' } },
  'DELETE /api/clusters/:cluster/connects/:connect/connectors/:name': { 204: { description: 'Deleted' } },
  'POST /api/clusters/:cluster/connects/:connect/connectors/:name/tasks/:task/actions/restart': {
    204: { description: 'Restarted' },
  },
};

/** What the transform sees of a route. */
export interface RouteDoc {
  method: string;
  url: string;
  schema: RouteSchema | undefined;
}

const isError = (status: string) => /^[45]/.test(status);

/**
 * @fastify/swagger's per-route transform, for the document only (the route's own schema is not touched):
 * tags by resource, the `{code, message, requestId}` body on 4XX/5XX where the route names none, and the
 * answers of streams and WebSockets. Not API routes (the web app's files) are hidden.
 */
export function documentRoute(route: RouteDoc, errorBody: JsonSchema) {
  const { method, url } = route;
  const schema: RouteSchema = { ...route.schema };
  const isApi = url.startsWith('/api/') || url === '/metrics';
  if (!isApi || url.startsWith('/api/docs')) return { schema: { ...schema, hide: true }, url };
  const response: Record<string, unknown> = { ...schema.response };
  const extra = UNSCHEMED[`${method} ${url}`];
  // Ready-made OpenAPI responses (streams, 101), put in place by placeReadyResponses.
  const documented = { ...extra };
  if (!Object.keys(response).some(isError)) {
    response['4XX'] = errorBody;
    response['5XX'] = errorBody;
  }
  return {
    schema: {
      ...schema,
      tags: schema.tags ?? [tagOf(url)],
      response,
      ...(Object.keys(documented).length > 0 ? { 'x-tributary-responses': documented } : {}),
    },
    url,
  };
}

/** Moves the ready-made responses of `documentRoute` into place (swagger copies `x-` keys onto operations). */
export function placeReadyResponses(doc: Document): void {
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations) as (Operation & Record<string, unknown>)[]) {
      const ready = operation['x-tributary-responses'] as Operation['responses'] | undefined;
      if (!ready) continue;
      delete operation['x-tributary-responses'];
      const responses = { ...operation.responses };
      // swagger adds a 200 "Default Response" to a route without response schema: ours replaces it.
      if (responses['200']?.description === 'Default Response' && !responses['200'].content)
        delete responses['200'];
      operation.responses = { ...ready, ...responses };
    }
  }
}
