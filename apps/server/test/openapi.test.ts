// The OpenAPI document against the routes and the contract: every route documented, every schema the
// contract's own (named as a component), every operation with its success and `{code, message}` answers.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { CONTRACT_NAME_OF, CONTRACT_SCHEMAS, fingerprint } from '../src/openapi/contract-schemas.ts';

type Media = Record<string, { schema?: { $ref?: string } & Record<string, unknown> }>;
type Parameter = { name: string; in: string; required?: boolean; schema: unknown };
type Operation = {
  tags?: string[];
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Media };
  responses: Record<string, { description: string; content?: Media }>;
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const routes: RouteOptions[] = [];
let app: App;
let doc: Document;

beforeAll(async () => {
  // No broker needed: the document is built from the routes alone (this address is never dialled).
  const config = loadConfig({ KAFKA_BROKERS: '127.0.0.1:9', LOG_LEVEL: 'silent' });
  app = await buildApp(config, { logger: false }, { onRoute: (route) => void routes.push(route) });
  const res = await app.inject('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => app.close());

const apiRoutes = () =>
  routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method])
      .filter((method) => method !== 'HEAD')
      .filter(() => route.url.startsWith('/api/') || route.url === '/metrics')
      // The documentation page's own files (HTML, scripts, its copy of the document) are not the API.
      .filter(() => !route.url.startsWith('/api/docs'))
      .map((method) => ({
        method,
        url: route.url,
        schema: route.schema as Record<string, unknown> | undefined,
      })),
  );

const toPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const operationOf = (method: string, url: string) => doc.paths[toPath(url)]?.[method.toLowerCase()];
const refName = (schema: { $ref?: string } | undefined) => schema?.$ref?.replace('#/components/schemas/', '');

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 and documents every registered route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routesSeen = apiRoutes();
    expect(routesSeen.length).toBeGreaterThan(30);
    const missing = routesSeen
      .filter((r) => !operationOf(r.method, r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    // …and nothing that is not a route.
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = new Set(routesSeen.map((r) => `${r.method} ${toPath(r.url)}`));
    expect(documented.filter((d) => !registered.has(d))).toEqual([]);
  });

  it('gives every operation a success answer and the {code, message} error body', () => {
    for (const { method, url } of apiRoutes()) {
      const op = operationOf(method, url)!;
      const statuses = Object.keys(op.responses);
      // 2xx, a WebSocket's 101, or a login redirect's 302.
      expect(
        statuses.some((s) => /^[123]/.test(s)),
        `${method} ${url} has no success answer`,
      ).toBe(true);
      const errors = statuses.filter((s) => /^[45]/.test(s));
      expect(errors.length, `${method} ${url} has no error answer`).toBeGreaterThan(0);
      for (const status of errors)
        expect(
          refName(op.responses[status]!.content?.['application/json']?.schema),
          `${method} ${url} ${status}`,
        ).toBe('ErrorBody');
      expect(op.tags?.length, `${method} ${url} has no tag`).toBe(1);
    }
  });

  it('describes the two WebSockets in words, with their event schemas as components', () => {
    for (const path of ['search', 'live']) {
      const op = operationOf('GET', `/api/clusters/:cluster/topics/:topic/${path}`)!;
      expect(op.responses['101']).toBeDefined();
      expect(op.description).toMatch(/WebSocket/);
    }
    expect(operationOf('GET', '/api/clusters/:cluster/topics/:topic/live')!.description).toMatch(
      /LiveCommand.*LiveEvent/s,
    );
    for (const name of ['LiveCommand', 'LiveEvent', 'SearchCommand', 'SearchEvent', 'ErrorBody'])
      expect(doc.components.schemas[name], name).toBeDefined();
  });
});

describe('the document and the contract do not drift', () => {
  it('names only contract schemas as components, each equal to the contract', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(CONTRACT_SCHEMAS.has(name), `${name} is not a contract export`).toBe(true);
      expect(fingerprint(schema), name).toBe(fingerprint(CONTRACT_SCHEMAS.get(name)));
    }
  });

  it("takes every route's body and response from the contract, by reference", () => {
    for (const { method, url, schema } of apiRoutes()) {
      const op = operationOf(method, url)!;
      const where = `${method} ${url}`;
      const body = schema?.body;
      if (body) {
        const name = CONTRACT_NAME_OF.get(fingerprint(body));
        expect(name, `${where}: its body schema is not the contract's`).toBeDefined();
        expect(refName(op.requestBody?.content['application/json']?.schema), where).toBe(name);
      }
      for (const [status, response] of Object.entries((schema?.response ?? {}) as Record<string, object>)) {
        if (fingerprint(response) === fingerprint({ type: 'null' })) continue; // 204: no body
        const name = CONTRACT_NAME_OF.get(fingerprint(response));
        expect(name, `${where} ${status}: its schema is not the contract's`).toBeDefined();
        expect(
          refName(op.responses[status]?.content?.['application/json']?.schema),
          `${where} ${status}`,
        ).toBe(name);
      }
    }
  });

  it("documents every path and query parameter as the contract's schema says", () => {
    for (const { method, url, schema } of apiRoutes()) {
      for (const [part, where] of [
        ['params', 'path'],
        ['querystring', 'query'],
      ] as const) {
        const contract = schema?.[part] as
          { properties: Record<string, unknown>; required?: string[] } | undefined;
        const documented = (operationOf(method, url)!.parameters ?? []).filter((p) => p.in === where);
        if (!contract) {
          if (where === 'query') expect(documented, `${method} ${url}`).toEqual([]);
          continue;
        }
        expect(
          CONTRACT_NAME_OF.get(fingerprint(contract)),
          `${method} ${url} ${part} is not the contract's`,
        ).toBeDefined();
        expect(documented.map((p) => p.name).sort(), `${method} ${url} ${part}`).toEqual(
          Object.keys(contract.properties).sort(),
        );
        for (const p of documented) {
          expect(fingerprint(p.schema), `${method} ${url} ${p.name}`).toBe(
            fingerprint(contract.properties[p.name]),
          );
          expect(Boolean(p.required), `${method} ${url} ${p.name} required`).toBe(
            where === 'path' || (contract.required ?? []).includes(p.name),
          );
        }
      }
    }
  });
});
