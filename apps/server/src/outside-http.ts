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
