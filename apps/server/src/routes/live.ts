import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebSocket } from 'ws';
import { LIVE_CLOSE, LiveParams, type LiveEvent } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';
import { parseCommand } from '../domain/live/commands.ts';
import { readerSource, type ReaderSource } from '../domain/live/reader-source.ts';
import { DEFAULT_LIVE_OPTIONS, LiveSession, LiveTailRegistry, type LiveSink } from '../domain/live/index.ts';
import { ownPartitionReader, type FetchedRecord } from '../kafka/partition-reader.ts';
import { pingUntilGone, sendIfOpen, webSocketGuards } from '../plugins/websocket-route.ts';

/** Proxies commonly cut idle sockets after 30-60 s; the session's heartbeat events and a ping keep it open. */
const PING_MS = DEFAULT_LIVE_OPTIONS.heartbeatMs;

/** One tab's tail: its session and its own Kafka client, closed together. */
class LiveTail {
  constructor(
    readonly session: LiveSession<FetchedRecord>,
    private readonly source: ReaderSource,
  ) {}

  async close(): Promise<void> {
    await this.session.close();
    await this.source.close();
  }
}

/** Counts what the tail sends (and what its `stats` say it skipped) for the metrics. */
type Counted = (outcome: 'sent' | 'skipped', count: number) => void;

function socketSink(socket: WebSocket, count: Counted = () => {}): LiveSink {
  return {
    send: (event: LiveEvent) => {
      if (socket.readyState !== socket.OPEN) return;
      if (event.type === 'messages') count('sent', event.messages.length);
      else if (event.type === 'stats') count('skipped', event.skipped);
      sendIfOpen(socket, event);
    },
    bufferedAmount: () => socket.bufferedAmount,
    close(code, reason) {
      if (socket.readyState === socket.OPEN) socket.close(code, reason);
    },
  };
}

/** Whether the peer has begun the closing handshake (`ws` keeps this on the socket, unexported). */
function closeFrameReceived(socket: WebSocket): boolean {
  return (socket as unknown as { _closeFrameReceived?: boolean })._closeFrameReceived === true;
}

function refuse(socket: WebSocket, error: DomainError, code: number): void {
  const sink = socketSink(socket);
  sink.send({ type: 'error', code: error.code, message: error.message, fatal: true });
  sink.send({ type: 'end', reason: error.message, reconnect: false });
  sink.close(code, error.code);
}

/**
 * GET /api/clusters/:cluster/topics/:topic/live (WebSocket): a group-less live tail. The client sends
 * commands (start, pause, resume, partitions, filter, ack, stop); the server sends events (see the contract).
 */
export const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tails = new LiveTailRegistry<LiveTail>(() => app.config.liveTailsMax);

  app.addHook('onClose', () => tails.closeAll());
  app.metrics.track('live_tails', () => tails.size);
  const count: Counted = (outcome, n) => app.metrics.live(outcome, n);

  app.route({
    method: 'GET',
    url: '/api/clusters/:cluster/topics/:topic/live',
    schema: {
      params: LiveParams,
      summary: 'Live tail (WebSocket)',
      description:
        'A WebSocket (GET with `Upgrade: websocket`). Send `LiveCommand` frames (first `{"type":"start",' +
        '"from":{"mode":"now"}}`, then pause, resume, partitions, filter, ack, stop); receive `LiveEvent` ' +
        'frames (subscribed, message, stats, paused, resumed, heartbeat, error, end). Reads partitions ' +
        `directly: no consumer group. Close codes: ${LIVE_CLOSE.fatal} after a fatal error, ` +
        `${LIVE_CLOSE.tooMany} when the server's live-tail limit is reached, 1001 when it shuts down.`,
    },
    ...webSocketGuards(
      'open a live tail',
      'The live tail is a WebSocket: connect with a WebSocket client (the Live tab does), not a plain GET.',
    ),
    wsHandler: (socket, request) => {
      const { cluster, topic } = request.params;
      let connection;
      try {
        connection = app.clusters.get(cluster);
      } catch (error) {
        return refuse(socket, error as DomainError, LIVE_CLOSE.fatal);
      }
      const source = readerSource(ownPartitionReader(connection), app.schemaRegistries.cache(cluster));
      const sink = socketSink(socket, count);
      const log = request.log.child({ cluster, topic, live: true });
      const session = new LiveSession(topic, source, sink, undefined, (error) =>
        log.warn(
          { err: error, details: error instanceof DomainError ? error.details : undefined },
          'live tail ended',
        ),
      );
      const tail = new LiveTail(session, source);
      try {
        tails.add(tail);
      } catch (error) {
        void tail.close();
        return refuse(socket, error as DomainError, LIVE_CLOSE.tooMany);
      }

      // @fastify/websocket closes every socket without a code when the server shuts down (its preClose runs
      // before any hook of ours); this code always passes one. So a code-less close is the shutdown: say so.
      // `ws` also answers a peer's code-less close frame with a code-less close(): that is no shutdown.
      const close = socket.close.bind(socket);
      socket.close = (code?: number, reason?: string | Buffer) => {
        if (code !== undefined || closeFrameReceived(socket)) return close(code, reason);
        sink.send({ type: 'end', reason: 'Tributary is shutting down.', reconnect: true });
        close(LIVE_CLOSE.goingAway, 'server shutting down');
      };

      pingUntilGone(socket, PING_MS);

      socket.on('message', (data, isBinary) => {
        try {
          if (isBinary) throw new DomainError('BAD_REQUEST', 'Live-tail commands are JSON text frames.');
          const text = Array.isArray(data) ? Buffer.concat(data).toString() : data.toString();
          void session.command(parseCommand(text));
        } catch (error) {
          const e = error as DomainError;
          sink.send({ type: 'error', code: e.code, message: e.message, fatal: false });
        }
      });
      socket.on('close', () => void tails.remove(tail));
    },
  });
};
