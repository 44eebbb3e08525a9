import type { FetchedRecord } from '../src/kafka/partition-reader.ts';
import type { PrecheckQuery } from '../src/domain/messages/raw-precheck.ts';

export const record = (
  value: string | Buffer,
  key: string | null = 'k',
  headers: string[] = [],
): FetchedRecord => ({
  topic: 't',
  partition: 0,
  offset: '0',
  timestamp: '1700000000000',
  timestampType: 'CreateTime',
  key: key === null ? null : Buffer.from(key),
  value: Buffer.isBuffer(value) ? value : Buffer.from(value),
  headers: headers.map((h) => ({ key: 'h', value: Buffer.from(h) })),
});

// Records whose shown text differs from their bytes, each with a query whose match only the shown text has.
export const TRICKY: [string, FetchedRecord, PrecheckQuery][] = [
  ['case-insensitive search', record('{"name":"Alice"}'), { q: 'ALICE' }],
  ['case-insensitive, a JSON escape', record('{"name":"\\u0041LICE"}'), { q: 'alice' }],
  ['case-insensitive, the Kelvin sign lower-cases to k', record('\u212Aelvin'), { q: 'KELVIN' }],
  ['case-insensitive, the dotted capital I lower-cases to i and a dot', record('x\u0130'), { q: 'XI' }],
  ['case-insensitive, a non-ASCII needle', record('{"v":"ÉTÉ"}'), { q: 'été' }],
  ['a JSON \\u escape', record('{"name":"\\u0041lice"}'), { q: 'Alice', caseSensitive: true }],
  ['a JSON escape in a key', record('v', '"\\u00e9t\\u00e9"'), { q: 'été', caseSensitive: true }],
  [
    'a binary value shown as hex',
    record(Buffer.from([0xca, 0xfe, 0x00])),
    { q: 'cafe', caseSensitive: true },
  ],
  ['hex display chosen', record('zz'), { q: 'a', caseSensitive: true, valueFormat: 'hex' }],
  ['base64 display chosen', record('hi'), { q: 'aGk', caseSensitive: true, valueFormat: 'base64' }],
  ['a number too large for JSON shown as null', record('{"n":1e400}'), { q: 'null', caseSensitive: true }],
  [
    'a number re-written with an exponent',
    record('{"n":1000000000000000000000}'),
    { q: 'e', caseSensitive: true },
  ],
  ['pretty-printing adds spaces', record('{"a":"b"}'), { q: '"a": "b"', caseSensitive: true }],
  ['a filter expression', record('{"a":{"b":1}}'), { filter: 'value.a.b == 1', caseSensitive: true }],
];
