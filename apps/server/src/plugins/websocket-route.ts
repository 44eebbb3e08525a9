// What every WebSocket route shares, besides its own stream: only this server's pages may open it, a plain
// GET gets a sentence, sends skip a socket that is no longer open, heartbeats stop with the socket, and a
// failed validation becomes a sentence (a browser's WebSocket cannot read an HTTP 400's body).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * The HTTP side of a WebSocket route, to spread into `app.route`. `action` completes "A page from … may
 * not …"; `plainGet` answers a GET without an upgrade (curl, a link opened in a tab) instead of an empty 404.
 */
export function webSocketGuards(action: string, plainGet: string) {
  return {
    // Browsers let any site open a WebSocket to this server (CORS does not apply): only our own pages may
    // (the host guard knows which origins are ours).
    // Clients without an Origin (CLI tools, tests) are not browsers and pass.
    preValidation: async (request: FastifyRequest, reply: FastifyReply) => {
      const origin = request.headers.origin;
      if (origin === undefined || request.server.allowsOrigin(origin, request.headers.host)) return;
      request.log.warn({ origin, url: request.url }, 'WebSocket from a foreign origin refused');
      return reply.status(403).send({
        code: 'FORBIDDEN',
        message: `A page from ${origin} may not ${action} on this server.`,
      });
    },
    handler: (_request: FastifyRequest, reply: FastifyReply) =>
      reply.status(426).header('upgrade', 'websocket').send({ code: 'BAD_REQUEST', message: plainGet }),
  };
}

/** Sends one JSON event, or nothing once the socket is closing or closed. */
export function sendIfOpen(socket: WebSocket, event: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

/** Calls `beat` every `ms` until the socket closes or the returned stop is called. */
export function heartbeat(socket: WebSocket, ms: number, beat: () => void): () => void {
  const timer = setInterval(beat, ms);
  const stop = () => clearInterval(timer);
  socket.once('close', stop);
  return stop;
}

/**
 * Proxies commonly cut idle sockets after 30-60 s: a ping every `ms` keeps them open, and a peer that did
 * not answer the previous ping is gone, so its socket is terminated.
 */
export function pingUntilGone(socket: WebSocket, ms: number): void {
  let alive = true;
  socket.on('pong', () => (alive = true));
  heartbeat(socket, ms, () => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  });
}

type ValidationIssue = { instancePath?: string; keyword?: string; message?: string; params?: unknown };

/** Request parameters that failed validation, as a sentence naming the field (`what`: "search parameter"). */
export function invalidParameters(error: Error & { validation?: ValidationIssue[] }, what: string): string {
  const issues = error.validation ?? [];
  const first = issues[0];
  const path = first?.instancePath ?? '';
  const field = path.replace(/^\//, '').replace(/\//g, '.');
  // A choice among words fails once per word: list them instead of "must be equal to constant".
  const allowed = issues
    .filter((i) => i.keyword === 'const' && i.instancePath === path)
    .map((i) => String((i.params as { allowedValue?: unknown } | undefined)?.allowedValue));
  const reason =
    allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : (first?.message ?? error.message);
  return field ? `Invalid ${what} "${field}": ${reason}.` : `Invalid ${what}s: ${reason}.`;
}
