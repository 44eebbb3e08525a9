import type { FetchedRecord } from '../src/kafka/partition-reader.ts';
import type { PrecheckQuery } from '../src/domain/messages/raw-precheck.ts';

export const record = (
  value: string | Buffer,
  key: string | Buffer | null = 'k',
  headers: string[] = [],
  topic = 't',
): FetchedRecord => ({
  topic,
  partition: 0,
  offset: '0',
  timestamp: '1700000000000',
  timestampType: 'CreateTime',
  key: key === null ? null : Buffer.isBuffer(key) ? key : Buffer.from(key),
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
  // Filter expressions whose string literal is not in the bytes of a record that matches.
  ['a filter: a number equals a numeric string', record('{"n":3e1}'), { filter: 'value.n == "30"' }],
  ['a filter: a hex-looking string', record('{"n":30}'), { filter: 'value.n == "0x1e"' }],
  ['a filter: a number shown with an exponent', record('{"n":1e21}'), { filter: 'value.n contains "e+"' }],
  ['a filter: a boolean holds the text', record('{"paid":true}'), { filter: 'value.paid contains "ru"' }],
  ['a filter: binary shown as hex', record(Buffer.from([0xca, 0xfe, 0x01])), { filter: 'value == "cafe01"' }],
  ['a filter: an offset holds digits', record('x'), { filter: 'offset contains "0"' }],
  ['a filter: a JSON escape', record('{"city":"Ly\\u006fn"}'), { filter: 'value.city == "Lyon"' }],
  [
    'a filter: an escape in a header',
    record('x', 'k', ['"Ly\\u006fn"']),
    { filter: 'headers.h contains "yo"' },
  ],
  ['a filter: the literal holds the value', record('{"c":"Ly"}'), { filter: '"Lyon" contains value.c' }],
  ['a filter: two literals', record('x'), { filter: '"Lyon" == "Lyon"' }],
  ['a filter: not', record('{"c":"Paris"}'), { filter: '!(value.c == "Lyon")' }],
  ['a filter: !=', record('{"c":"Paris"}'), { filter: 'value.c != "Lyon"' }],
  [
    'a filter: or with a side needing nothing',
    record('{"n":5}'),
    { filter: 'value.c == "Lyon" || value.n > 3' },
  ],
  [
    'a filter: a JSON header is compared pretty-printed',
    record('x', 'k', ['{"n":1e21}']),
    { filter: `headers.h contains 'n": 1e+'` },
  ],
  [
    'a filter: a JSON header gains spaces',
    record('x', 'k', ['{"a":"b"}']),
    { filter: `headers.h contains ': '` },
  ],
  [
    // Its keys and values start with a zero byte (the version's high byte), as the wire format does.
    '__consumer_offsets decoded under auto (its key shows "offset commit")',
    record(
      Buffer.from([0, 3, 0, 0, 0, 0, 0, 0, 0, 5]),
      offsetCommitKey('g', 'orders', 0),
      [],
      '__consumer_offsets',
    ),
    { q: 'commit', caseSensitive: true },
  ],
];

/** The key of an offset commit in `__consumer_offsets` (version 1: group, topic, partition). */
function offsetCommitKey(group: string, topic: string, partition: number): Buffer {
  const text = (s: string) => Buffer.concat([Buffer.from([0, s.length]), Buffer.from(s)]);
  const p = Buffer.alloc(4);
  p.writeInt32BE(partition);
  return Buffer.concat([Buffer.from([0, 1]), text(group), text(topic), p]);
}
