import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebSocket } from 'ws';
import { SearchQuery, TopicParams, type SearchCommand, type SearchEvent } from '@tributary/contract';
import { partitionReader } from '../kafka/partition-reader.ts';
import { DomainError } from '../domain/errors.ts';
import { toDomainError } from '../kafka/errors.ts';
import { searchMessages } from '../domain/messages/search.ts';
import { heartbeat, invalidParameters, sendIfOpen, webSocketGuards } from '../plugins/websocket-route.ts';
import { ConcurrencyLimit } from '../domain/limits.ts';

const MAX_BUFFERED = 1 << 20; // wait for a slow client instead of queueing matches in memory
const DEADLINE_MS = 10 * 60_000;
const HEARTBEAT_MS = 1000;

function sender(socket: WebSocket) {
  const send = (event: SearchEvent) => sendIfOpen(socket, event);
  /** Backpressure: resolves once the socket has room again (or is gone). */
  const drained = async () => {
    while (socket.readyState === socket.OPEN && socket.bufferedAmount > MAX_BUFFERED)
      await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { send, drained };
}

/**
 * `GET /api/clusters/:cluster/topics/:topic/search` upgraded to a WebSocket: the server streams
 * `message` and `progress` events, then one `done` (or `error`); the client may send `{"type":"stop"}`.
 */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const searches = new ConcurrencyLimit(
    () => app.config.searchesMax,
    (max) =>
      `This server already runs ${max} search${max === 1 ? '' : 'es'} at once, its limit (searchesMax). Try again when one has finished.`,
  );
  app.metrics.track('searches', () => searches.size);
  app.route({
    method: 'GET',
    url: '/api/clusters/:cluster/topics/:topic/search',
    // Bad parameters are answered on the socket as an error event, where the UI can show them.
    attachValidation: true,
    schema: {
      params: TopicParams,
      querystring: SearchQuery,
      summary: 'Search messages (WebSocket)',
      description:
        'A WebSocket (GET with `Upgrade: websocket`); the query says what to scan. Receive `SearchEvent` ' +
        'frames: `message` per match, `progress` at least every second, then one `done` (or `error`, also ' +
        'for bad parameters); send a `SearchCommand` (`{"type":"stop"}`) to stop early.',
    },
    ...webSocketGuards(
      'search messages',
      'The search is a WebSocket: connect with a WebSocket client (the Messages tab does).',
    ),
    wsHandler: (socket, req) => {
      const { send, drained } = sender(socket);
      if (req.validationError) {
        send({
          type: 'error',
          code: 'BAD_REQUEST',
          message: invalidParameters(req.validationError, 'search parameter'),
        });
        socket.close(1000, 'done');
        return;
      }
      let release: () => void;
      try {
        release = searches.acquire();
      } catch (error) {
        const e = error as DomainError;
        send({ type: 'error', code: e.code, message: e.message });
        socket.close(1000, 'done');
        return;
      }
      const controller = new AbortController();
      const deadline = setTimeout(() => controller.abort(), DEADLINE_MS);
      let latest: Extract<SearchEvent, { type: 'progress' }> | undefined;
      const started = Date.now();
      // A progress event at least every second, so the client knows a slow scan is alive.
      const stopHeartbeat = heartbeat(
        socket,
        HEARTBEAT_MS,
        () => latest && send({ ...latest, elapsedMs: Date.now() - started }),
      );
      socket.on('message', (data) => {
        try {
          if ((JSON.parse(String(data)) as Partial<SearchCommand>).type === 'stop') controller.abort();
        } catch {
          // not a command: ignore
        }
      });
      socket.on('close', () => controller.abort());

      const run = async () => {
        const reader = partitionReader(app.clusters.get(req.params.cluster));
        const end = await searchMessages(
          reader,
          req.params.topic,
          req.query,
          {
            onMessage: async (message) => {
              send({ type: 'message', message });
              await drained();
            },
            onProgress: (progress) => {
              latest = { type: 'progress', ...progress };
              send(latest);
            },
          },
          controller.signal,
          undefined,
          app.schemaRegistries.cache(req.params.cluster),
        );
        send({ type: 'done', ...end });
      };
      run()
        .catch((error: unknown) => {
          const domain = error instanceof DomainError ? error : toDomainError(error);
          req.log.warn({ err: error, details: domain.details }, domain.message);
          send({ type: 'error', code: domain.code, message: domain.message });
        })
        .finally(() => {
          release();
          clearTimeout(deadline);
          stopHeartbeat();
          if (socket.readyState === socket.OPEN) socket.close(1000, 'done');
        });
    },
  });
};
