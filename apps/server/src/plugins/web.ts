import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built SPA. */
export const webPlugin = fp<{ root: string }>(async (app, { root }) => {
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn(`No web build at ${root}; only the API is served.`);
    return;
  }
  // The not-found handler (error-handler.ts) answers unknown non-API GETs with index.html via reply.sendFile.
  await app.register(fastifyStatic, { root, wildcard: false });
});
