import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { ErrorBody } from '@tributary/contract';
import { documentRoute, nameContractSchemas, placeReadyResponses, TAGS } from '../openapi/document.ts';

const DESCRIPTION = `A web console for Apache Kafka, as an API.

Every error answer is \`{code, message, requestId}\` (schema \`ErrorBody\`): a machine code, a sentence a
person understands, and the request's id as the server's JSON log names it (\`reqId\`). 4xx is the caller's mistake, 502 a refusal by Kafka
(or Kafka Connect), 503 a cluster that does not answer (the sentence names it).

Offsets are int64 and travel as decimal strings (\`"offset": "1234"\`) in messages, topics and the live tail.

Two endpoints are WebSockets (a GET with \`Upgrade: websocket\`; a plain GET answers 426): the message
search and the live tail. Their frames are JSON objects told apart by \`type\`; the schemas \`SearchEvent\`,
\`SearchCommand\`, \`LiveEvent\` and \`LiveCommand\` below are the whole protocol. The live tail sends its
messages in batches, a \`messages\` event of up to a few hundred every 50 ms; the client answers each batch
with one \`ack\` of its count once shown (the server's flow control).`;

/**
 * Swagger UI 5 inserts one fixed `<style>` element; the page's CSP allows exactly that content (its hash),
 * nothing else inline. A new @fastify/swagger-ui may change it: e2e/api-docs.spec.ts then fails naming the
 * new hash in Chromium's message.
 */
const SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** Contract schemas no route names but the WebSocket descriptions do: listed as components too. */
const MENTIONED = ['LiveCommand', 'LiveEvent', 'SearchCommand', 'SearchEvent'];

/**
 * The OpenAPI 3.1 document, generated from the routes' contract schemas (registered before the routes, so
 * it sees each one), at GET /api/openapi.json, and Swagger UI reading it at /api/docs.
 */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Tributary', version: '1', description: DESCRIPTION },
        tags: TAGS,
      },
      transform: ({ schema, url, route }) =>
        documentRoute({ method: String(route.method), url, schema: schema as never }, ErrorBody),
      transformObject: (documents) => {
        const document = 'openapiObject' in documents ? documents.openapiObject : documents.swaggerObject;
        placeReadyResponses(document as never);
        return nameContractSchemas(document, MENTIONED);
      },
    });
    app.get('/api/openapi.json', () => app.swagger());
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      // No calls to a validator elsewhere; the page loads only its own files (the CSP says so).
      uiConfig: { validatorUrl: null, deepLinking: true },
      transformStaticCSP: (header) =>
        header.replace(/style-src 'self'/, `style-src 'self' ${SWAGGER_UI_STYLE}`),
    });
  },
  { name: 'openapi' },
);
