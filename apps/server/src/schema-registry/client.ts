import type { SchemaRegistryConfig } from '../config.ts';
import { SchemaRegistryHttp, type RegistryLaunchState } from './http.ts';
import type {
  WireCompatibility,
  WireConfig,
  WireReference,
  WireSchema,
  WireSchemaType,
  WireSubjectVersion,
} from './wire.ts';

const enc = encodeURIComponent;

export interface RegisterRequest {
  schema: string;
  schemaType?: WireSchemaType;
  references?: WireReference[];
}

/** A small typed client for one Schema Registry: one method per REST call the console uses. */
export class SchemaRegistryClient {
  readonly http: SchemaRegistryHttp;

  constructor(
    cluster: string,
    config: SchemaRegistryConfig,
    timeoutMs: number,
    launch?: RegistryLaunchState,
  ) {
    this.http = new SchemaRegistryHttp(cluster, config, timeoutMs, launch);
  }

  subjects(): Promise<string[]> {
    return this.http.request('GET', '/subjects');
  }

  versions(subject: string): Promise<number[]> {
    return this.http.request('GET', `/subjects/${enc(subject)}/versions`);
  }

  version(subject: string, version: number | 'latest'): Promise<WireSubjectVersion> {
    return this.http.request('GET', `/subjects/${enc(subject)}/versions/${version}`);
  }

  schemaById(id: number): Promise<WireSchema> {
    return this.http.request('GET', `/schemas/ids/${id}`);
  }

  /** The subjects and versions that hold a schema id. */
  subjectVersionsOf(id: number): Promise<{ subject: string; version: number }[]> {
    return this.http.request('GET', `/schemas/ids/${id}/versions`);
  }

  register(subject: string, body: RegisterRequest): Promise<{ id: number }> {
    return this.http.request('POST', `/subjects/${enc(subject)}/versions`, body);
  }

  /** Finds a schema among a subject's versions (the version a registration got). */
  lookup(subject: string, body: RegisterRequest): Promise<WireSubjectVersion> {
    return this.http.request('POST', `/subjects/${enc(subject)}`, body);
  }

  checkCompatibility(subject: string, body: RegisterRequest): Promise<WireCompatibility> {
    return this.http.request(
      'POST',
      `/compatibility/subjects/${enc(subject)}/versions/latest?verbose=true`,
      body,
    );
  }

  /** The subject's level, or the global one when `subject` is undefined. */
  config(subject?: string): Promise<WireConfig> {
    return this.http.request('GET', subject === undefined ? '/config' : `/config/${enc(subject)}`);
  }

  setConfig(subject: string | undefined, compatibility: string): Promise<WireConfig> {
    return this.http.request('PUT', subject === undefined ? '/config' : `/config/${enc(subject)}`, {
      compatibility,
    });
  }

  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.http.request('DELETE', `/subjects/${enc(subject)}${permanent ? '?permanent=true' : ''}`);
  }

  deleteVersion(subject: string, version: number, permanent: boolean): Promise<number> {
    return this.http.request(
      'DELETE',
      `/subjects/${enc(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`,
    );
  }
}
