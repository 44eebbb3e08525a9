// The Confluent Schema Registry REST API's shapes, as far as the console reads them.

export type WireSchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface WireReference {
  name: string;
  subject: string;
  version: number;
}

/** `GET /schemas/ids/{id}`: `schemaType` is absent for Avro. */
export interface WireSchema {
  schema: string;
  schemaType?: WireSchemaType;
  references?: WireReference[];
}

/** `GET /subjects/{subject}/versions/{version}`. */
export interface WireSubjectVersion extends WireSchema {
  subject: string;
  version: number;
  id: number;
}

/** `GET /config` and `GET /config/{subject}`. */
export interface WireConfig {
  compatibilityLevel?: string;
  compatibility?: string;
}

/** `POST /compatibility/subjects/{subject}/versions/latest?verbose=true`. */
export interface WireCompatibility {
  is_compatible: boolean;
  messages?: string[];
}

/** Every error answer: `error_code` is e.g. 40401 (subject not found), 409 (incompatible). */
export interface WireError {
  error_code?: number;
  message?: string;
}
