// Small helpers shared by the HTTP clients of the outside systems the server calls (Kafka Connect, the
// Schema Registry): their answers and failures read as sentences.

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function firstLine(text: string | undefined): string {
  return (text ?? 'unknown reason').split('\n')[0] ?? '';
}

/** undici hides the reason in `cause` (ECONNREFUSED, ENOTFOUND ...); a deadline shows as TimeoutError. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code === 'ECONNREFUSED' ? 'connection refused' : cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

export interface OutsideRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** The media types each service speaks (Connect: JSON; the registry: its own vendor type). */
  accept: string;
  contentType: string;
  username?: string | undefined;
  password?: string | undefined;
  timeoutMs: number;
}

/** An answer, ok or not: its status, its text and that text parsed when it is JSON. */
export interface OutsideAnswer {
  ok: boolean;
  status: number;
  statusText: string;
  text: string;
  parsed: unknown;
}

/**
 * One request with a deadline and Basic auth when a username is configured. No answer at all (refused,
 * unknown host, deadline) goes through `unavailable`, so each client words it for its own service.
 */
export async function callOutside(
  request: OutsideRequest,
  unavailable: (error: unknown) => Error,
): Promise<OutsideAnswer> {
  const headers: Record<string, string> = { accept: request.accept };
  if (request.body !== undefined) headers['content-type'] = request.contentType;
  if (request.username !== undefined) {
    const token = Buffer.from(`${request.username}:${request.password ?? ''}`).toString('base64');
    headers.authorization = `Basic ${token}`;
  }
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      text,
      parsed: text ? safeJson(text) : undefined,
    };
  } catch (error) {
    throw unavailable(error);
  }
}
