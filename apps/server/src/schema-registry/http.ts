import type { ErrorCode } from '@tributary/contract';
import type { SchemaRegistryConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import type { WireError } from './wire.ts';
import { callOutside, describeFetchError, firstLine } from '../outside-http.ts';

/** What the launcher tells about the local registry, so a request during its start says "starting". */
export interface RegistryLaunchState {
  state(): 'starting' | 'running' | 'failed' | 'stopped';
  error(): string | undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'FORBIDDEN',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'SCHEMA_INCOMPATIBLE',
  422: 'BAD_REQUEST',
};

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * HTTP to one Schema Registry (Confluent's REST API): a deadline on every request, Basic auth when
 * configured, and "no answer" turned into SCHEMA_REGISTRY_UNAVAILABLE naming the cluster.
 */
export class SchemaRegistryHttp {
  constructor(
    readonly cluster: string,
    readonly config: SchemaRegistryConfig,
    private readonly timeoutMs: number,
    readonly launch?: RegistryLaunchState,
  ) {}

  /** Sends a request and answers the parsed JSON body. */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const answer = await callOutside(
      {
        method,
        url: `${this.config.url}${path}`,
        body,
        accept: `${CONTENT_TYPE}, application/json`,
        contentType: CONTENT_TYPE,
        username: this.config.username,
        password: this.config.password,
        timeoutMs: this.timeoutMs,
      },
      (error) => this.unavailable(error, method, path),
    );
    if (!answer.ok)
      throw this.refused(answer.status, (answer.parsed ?? {}) as WireError, answer.text, method, path);
    return answer.parsed as T;
  }

  /** The registry's own words with the status they deserve; its 5xx is SCHEMA_REGISTRY_ERROR (502). */
  private refused(status: number, wire: WireError, text: string, method: string, path: string): DomainError {
    // Apicurio prefixes its reasons with the Java exception's class name: the reason alone reads better.
    const message = (wire.message ?? (text.trim().slice(0, 500) || `HTTP ${status}`)).replace(
      /^(?:[\w$]+\.)+[\w$]*Exception: /,
      '',
    );
    const details = {
      cluster: this.cluster,
      method,
      path,
      registryStatus: status,
      errorCode: wire.error_code,
    };
    const code = STATUS_CODES[status];
    if (code === 'SCHEMA_INCOMPATIBLE')
      return new DomainError(
        code,
        `The Schema Registry refused the schema as incompatible: ${message}`,
        details,
      );
    if (code) return new DomainError(code, message, details);
    return new DomainError(
      'SCHEMA_REGISTRY_ERROR',
      `The Schema Registry of cluster "${this.cluster}" answered with an error: ${message}`,
      details,
    );
  }

  /** SCHEMA_REGISTRY_UNAVAILABLE with a sentence (and "starting" for the local registry). */
  unavailable(error: unknown, method = 'GET', path = '/'): DomainError {
    const cause = describeFetchError(error, this.timeoutMs);
    const details = { cluster: this.cluster, url: this.config.url, method, path, cause };
    const state = this.launch?.state();
    if (state === 'starting')
      return new DomainError(
        'SCHEMA_REGISTRY_UNAVAILABLE',
        `The Schema Registry of cluster "${this.cluster}" is still starting; try again in a few seconds (its very first start also builds it, which takes minutes).`,
        details,
      );
    if (state === 'failed')
      return new DomainError(
        'SCHEMA_REGISTRY_UNAVAILABLE',
        `The Schema Registry of cluster "${this.cluster}" did not start: ${firstLine(this.launch?.error())}`,
        details,
      );
    return new DomainError(
      'SCHEMA_REGISTRY_UNAVAILABLE',
      `The Schema Registry of cluster "${this.cluster}" is unreachable at ${this.config.url} (${cause}).`,
      details,
    );
  }
}
