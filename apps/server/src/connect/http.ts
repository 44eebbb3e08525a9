import type { ErrorCode } from '@tributary/contract';
import type { ConnectConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import type { WireError } from './wire.ts';
import { callOutside, describeFetchError, firstLine } from '../outside-http.ts';

/** What the launcher tells about the local worker, so a request during its start says "starting". */
export interface LaunchState {
  state(): 'starting' | 'running' | 'failed' | 'stopped';
  error(): string | undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'FORBIDDEN',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'BAD_REQUEST',
};

/**
 * HTTP to one Kafka Connect cluster's REST API: a deadline on every request, Basic auth
 * when configured, and "no answer" turned into CONNECT_UNAVAILABLE naming the Connect cluster.
 */
export class ConnectHttp {
  constructor(
    readonly config: ConnectConfig,
    private readonly timeoutMs: number,
    readonly launch?: LaunchState,
  ) {}

  get name(): string {
    return this.config.name;
  }

  /**
   * Sends a request; `undefined` for an empty answer (204, 202 without body). Connect's "rebalance under
   * way" (a 409, or a 500 "a rebalance is expected" right after a connector was created or deleted) is
   * retried for a few seconds: it passes once the workers agree again.
   */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, path, body);
      } catch (error) {
        const rebalancing =
          error instanceof DomainError &&
          (error.code === 'CONFLICT' || error.code === 'CONNECT_ERROR') &&
          /rebalance|stale configuration|momentarily/i.test(error.message);
        if (!rebalancing || attempt >= 12) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async once<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const answer = await callOutside(
      {
        method,
        url: `${this.config.url}${path}`,
        body,
        accept: 'application/json',
        contentType: 'application/json',
        username: this.config.username,
        password: this.config.password,
        timeoutMs: this.timeoutMs,
      },
      (error) => this.unavailable(error, method, path),
    );
    if (!answer.ok) {
      const wire = (answer.parsed ?? {}) as WireError;
      const message = wire.message ?? (answer.text.trim() || answer.statusText);
      throw this.refused(answer.status, message, method, path);
    }
    return answer.parsed as T;
  }

  /** Connect's own words with the status they deserve; its 5xx is CONNECT_ERROR (502) naming the cluster. */
  private refused(status: number, message: string, method: string, path: string): DomainError {
    const details = { connect: this.name, method, path, connectStatus: status };
    const code = STATUS_CODES[status];
    if (code) return new DomainError(code, message, details);
    return new DomainError(
      'CONNECT_ERROR',
      `Kafka Connect cluster "${this.name}" answered with an error: ${message}`,
      details,
    );
  }

  /** CONNECT_UNAVAILABLE with a sentence naming this Connect cluster (and "starting" for the local worker). */
  unavailable(error: unknown, method = 'GET', path = '/'): DomainError {
    const cause = describeFetchError(error, this.timeoutMs);
    const details = { connect: this.name, url: this.config.url, method, path, cause };
    const state = this.launch?.state();
    if (state === 'starting')
      return new DomainError(
        'CONNECT_UNAVAILABLE',
        `Kafka Connect cluster "${this.name}" is still starting; try again in a few seconds.`,
        details,
      );
    if (state === 'failed')
      return new DomainError(
        'CONNECT_UNAVAILABLE',
        `Kafka Connect cluster "${this.name}" did not start: ${firstLine(this.launch?.error())}`,
        details,
      );
    return new DomainError(
      'CONNECT_UNAVAILABLE',
      `Kafka Connect cluster "${this.name}" is unreachable at ${this.config.url} (${cause}).`,
      details,
    );
  }
}
