import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Registered by app.ts; its endpoints come with their issue. */
export const topicsRoutes: FastifyPluginAsyncTypebox = async () => {};
