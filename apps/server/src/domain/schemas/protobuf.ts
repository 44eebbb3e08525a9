// Protobuf through protobufjs (no codec of our own). In the Confluent wire format the schema id is followed
// by the message's position in the .proto file: a zigzag varint count, then one zigzag varint index per
// nesting level, with a single 0 byte meaning "the first message".
import protobuf from 'protobufjs';

/** Reads the message indexes after the 5-byte header; answers them and where the payload starts. */
export function readMessageIndexes(payload: Buffer): { indexes: number[]; offset: number } {
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (offset >= payload.length) throw new Error('the message indexes end before the payload');
      const byte = payload[offset++]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new Error('a message index is too long');
    }
    return (result >>> 1) ^ -(result & 1); // zigzag
  };
  const count = varint();
  if (count === 0) return { indexes: [0], offset };
  if (count < 0 || count > 100) throw new Error(`${count} message indexes cannot be right`);
  const indexes = Array.from({ length: count }, varint);
  return { indexes, offset };
}

function messagesOf(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}

export interface ProtobufSchema {
  /** Decodes the payload after the 5-byte header (message indexes included) as JSON-ready data. */
  decode(payload: Buffer): unknown;
  /** Encodes JSON-ready data as the first message of the file, with its message index (a single 0). */
  encode(value: unknown): Buffer;
}

/** A .proto schema and the .proto texts of its references (imports), as a decoder and encoder. */
export function protobufSchema(schema: string, references: string[] = []): ProtobufSchema {
  const root = new protobuf.Root();
  for (const reference of references) protobuf.parse(reference, root, { keepCase: true });
  protobuf.parse(schema, root, { keepCase: true });
  root.resolveAll();
  // Message indexes count this file's messages only; an import in the same package shares its namespace
  // in `root`, so the file's own messages (in order) come from a parse of the file alone.
  const alone = protobuf.parse(schema, { keepCase: true });
  const own: protobuf.NamespaceBase = alone.package
    ? (alone.root.lookup(alone.package)! as protobuf.Namespace)
    : alone.root;
  const top = messagesOf(own).map((t) => root.lookupType(t.fullName));
  const typeAt = (indexes: number[]): protobuf.Type => {
    let candidates = top;
    let type: protobuf.Type | undefined;
    for (const index of indexes) {
      type = candidates[index];
      if (!type) throw new Error(`the schema has no message at index ${indexes.join('.')}`);
      candidates = messagesOf(type);
    }
    if (!type) throw new Error('the schema defines no message');
    return type;
  };
  return {
    decode(payload) {
      const { indexes, offset } = readMessageIndexes(payload);
      const type = typeAt(indexes);
      // Enums by name, 64-bit numbers as strings (exact), bytes as base64, unset fields with their defaults.
      return type.toObject(type.decode(payload.subarray(offset)), {
        enums: String,
        longs: String,
        bytes: String,
        defaults: true,
      });
    },
    encode(value) {
      const type = typeAt([0]);
      const problem = checkJson(type, value, '');
      if (problem) throw new Error(problem);
      return Buffer.concat([
        Buffer.from([0]),
        Buffer.from(type.encode(type.fromObject(value as object)).finish()),
      ]);
    },
  };
}

const INTEGER = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const LONG = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/**
 * protobufjs's fromObject coerces whatever it is given (a word for a number becomes 0), so the JSON is
 * checked first, in protobuf's JSON mapping: "field: what was expected" for the first field at fault.
 */
function checkJson(type: protobuf.Type, value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${path || 'value'}: an object expected`;
  for (const [name, item] of Object.entries(value)) {
    const field = type.fields[name];
    const at = path ? `${path}.${name}` : name;
    if (!field) return `${at}: no such field in ${type.name}`;
    if (item === null) continue;
    if (field.map) {
      if (typeof item !== 'object' || Array.isArray(item)) return `${at}: an object expected`;
      for (const [k, v] of Object.entries(item as object)) {
        const problem = checkScalar(field, v, `${at}.${k}`);
        if (problem) return problem;
      }
    } else if (field.repeated) {
      if (!Array.isArray(item)) return `${at}: a list expected`;
      for (const [i, v] of item.entries()) {
        const problem = checkScalar(field, v, `${at}.${i}`);
        if (problem) return problem;
      }
    } else {
      const problem = checkScalar(field, item, at);
      if (problem) return problem;
    }
  }
  return null;
}

function checkScalar(field: protobuf.Field, value: unknown, at: string): string | null {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return checkJson(resolved, value, at);
  if (resolved instanceof protobuf.Enum)
    return (typeof value === 'string' && value in resolved.values) || Number.isInteger(value)
      ? null
      : `${at}: one of ${Object.keys(resolved.values).join(', ')} expected`;
  if (field.type === 'string' || field.type === 'bytes')
    return typeof value === 'string' ? null : `${at}: a string expected`;
  if (field.type === 'bool') return typeof value === 'boolean' ? null : `${at}: true or false expected`;
  if (INTEGER.has(field.type)) return Number.isInteger(value) ? null : `${at}: a whole number expected`;
  if (LONG.has(field.type))
    return Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))
      ? null
      : `${at}: a whole number (or its digits as a string) expected`;
  return typeof value === 'number' ? null : `${at}: a number expected`;
}
