import { describe, expect, it } from 'vitest';
import { protobufSchema, readMessageIndexes } from './protobuf.ts';

const PROTO = `syntax = "proto3";
message First { string a = 1; }
message Second {
  message Inner { int64 n = 1; Kind kind = 2; }
  string b = 1;
}
enum Kind { PLAIN = 0; SPECIAL = 1; }
`;

describe('Protobuf in the Confluent wire format', () => {
  it('reads the message indexes: a single 0 is the first message, else a zigzag count and indexes', () => {
    expect(readMessageIndexes(Buffer.from([0, 9]))).toEqual({ indexes: [0], offset: 1 });
    // count 2 (zigzag 4), indexes 1 and 0 (zigzag 2, 0)
    expect(readMessageIndexes(Buffer.from([4, 2, 0, 9]))).toEqual({ indexes: [1, 0], offset: 3 });
    expect(() => readMessageIndexes(Buffer.from([4, 2]))).toThrow(/end before the payload/);
  });

  it('decodes a nested message by its indexes, enums by name and 64-bit numbers exactly', () => {
    const schema = protobufSchema(PROTO);
    // Second.Inner { n: 2^53 + 1, kind: SPECIAL }: field 1 varint, field 2 varint.
    const inner = Buffer.from([0x08, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10, 0x10, 0x01]);
    const decoded = schema.decode(Buffer.concat([Buffer.from([4, 2, 0]), inner]));
    expect(decoded).toEqual({ n: '9007199254740993', kind: 'SPECIAL' });
  });

  it('writes the first message with its one-byte index, and names the field a JSON value gets wrong', () => {
    const schema = protobufSchema(PROTO);
    expect(schema.encode({ a: 'x' })).toEqual(Buffer.from([0, 0x0a, 0x01, 0x78]));
    expect(() => schema.encode({ a: 5 })).toThrow('a: a string expected');
    expect(() => schema.encode({ z: 'x' })).toThrow('z: no such field in First');
  });
});

describe('Protobuf with an imported message type', () => {
  const money =
    'syntax = "proto3";\npackage shop;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n';
  const invoice =
    'syntax = "proto3";\npackage shop;\nimport "money.proto";\n\nmessage Invoice {\n  string id = 1;\n  Money total = 2;\n}\n';

  it('counts message indexes in its own file only, when the import shares its package', () => {
    const schema = protobufSchema(invoice, [money]);
    const bytes = schema.encode({ id: 'i-1', total: { currency: 'EUR', units: '1250' } });
    expect(bytes[0]).toBe(0); // the first message of the Invoice file: Invoice, not the imported Money
    expect(schema.decode(bytes)).toEqual({ id: 'i-1', total: { currency: 'EUR', units: '1250' } });
  });
});
