import { describe, expect, it } from 'vitest';
import type { DataFormat } from '@tributary/contract';
import type { FetchedRecord } from '../src/kafka/partition-reader.ts';
import { decodeRecord } from '../src/domain/messages/decode.ts';
import { compileFilter } from '../src/domain/messages/filter.ts';
import { rawPrechecks, type PrecheckQuery } from '../src/domain/messages/raw-precheck.ts';
import { record, TRICKY } from './raw-precheck-fixtures.ts';

/** The search's real verdict: decode as shown, then match. */
function shownMatch(r: FetchedRecord, query: PrecheckQuery): boolean {
  const format = (f: DataFormat | undefined) => f ?? 'auto';
  const message = decodeRecord(r, {
    keyFormat: format(query.keyFormat),
    valueFormat: format(query.valueFormat),
    maxValueBytes: 10_000,
  });
  return compileFilter({ q: query.q, caseSensitive: query.caseSensitive, filter: query.filter })(message);
}

describe('raw pre-check: skips work, never a match', () => {
  it.each(TRICKY)('%s: the record is still decoded and matched', (_, r, query) => {
    expect(shownMatch(r, query)).toBe(true);
    const precheck = rawPrechecks(query)?.record;
    expect(precheck === undefined || precheck(r)).toBe(true);
  });

  it('compressed data: the reader hands the pre-check decompressed bytes, checked by search.int.test.ts', () => {
    // The codecs decompress whole batches before records exist; records carry plain bytes whatever the codec.
    expect(rawPrechecks({ q: 'Lyon', caseSensitive: true })?.record).toBeTypeOf('function');
  });

  it('agrees with decoding on every record of a mixed corpus for plain word needles', () => {
    const corpus = [
      record('{"city":"Lyon","i":7}'),
      record('{"city":"Paris"}', 'Lyon-key'),
      record('plain text Lyonnais'),
      record('{"city":"Par\\u0069s"}'),
      record(Buffer.from([0x4c, 0x79, 0x6f, 0x6e, 0x00])), // "Lyon" + NUL: shown as hex, no match
      record('x', null, ['from Lyon']),
      record('{"city": "Ly on"}'),
      record('ÉlanLyon'),
    ];
    for (const q of ['Lyon', 'Paris', 'Élan', 'city', 'nais']) {
      const query = { q, caseSensitive: true };
      const precheck = rawPrechecks(query)!.record;
      for (const r of corpus) if (shownMatch(r, query)) expect(precheck(r)).toBe(true);
    }
  });

  it('case-insensitive ASCII words are pre-checked too', () => {
    const precheck = rawPrechecks({ q: 'lyon' })!.record;
    expect(precheck(record('{"city":"LYON"}'))).toBe(true);
    expect(precheck(record('{"city":"Paris"}'))).toBe(false);
  });

  it('passes over records whose bytes cannot hold the needle', () => {
    const precheck = rawPrechecks({ q: 'Lyon', caseSensitive: true })!.record;
    expect(precheck(record('{"city":"Paris","i":1}'))).toBe(false);
    expect(precheck(record('{"city":"Lyon"}'))).toBe(true);
    expect(precheck(record('x', 'Lyon'))).toBe(true);
    expect(precheck(record('x', 'k', ['Lyon']))).toBe(true);
  });
});

describe('raw pre-check of filter expressions: the texts a filter needs', () => {
  const corpus = [
    record('{"city":"Lyon","n":7}'),
    record('{"city":"Paris","n":2}', 'Lyon'),
    record('{"city":"Ly\\u006fn"}'),
    record('{"tags":["Lyon","x"]}'),
    record('Lyon as text'),
    record('{"city":"Nice"}', 'k', ['Lyon']),
    record('{"city":"Lyonnais"}'),
    record('{"c":{"city":"Lyon"}}'),
  ];
  const filters = [
    'value.city == "Lyon"',
    '"Lyon" == value.city',
    'value.city contains "yon"',
    'value.city startsWith "Lyon" && value.n > 3',
    'value.city == "Lyon" || value.city == "Nice"',
    'value.tags contains "Lyon"',
    'value contains "as t"',
    'headers.h == "Lyon"',
    'key == "Lyon" and value.n < 5',
    'value.c.city endsWith "on"',
  ];

  it.each(filters)('%s: no record it matches is passed over', (filter) => {
    const query = { filter };
    const precheck = rawPrechecks(query)?.record;
    expect(precheck, 'the filter needs a text, so the pre-check exists').toBeTypeOf('function');
    for (const r of corpus) if (shownMatch(r, query)) expect(precheck!(r)).toBe(true);
  });

  it('passes over records without the texts the filter needs', () => {
    const lyon = rawPrechecks({ filter: 'value.city == "Lyon" && value.n > 3' })!.record;
    expect(lyon(record('{"city":"Paris","n":7}'))).toBe(false);
    expect(lyon(record('{"city":"Lyon","n":7}'))).toBe(true);
    const either = rawPrechecks({ filter: 'value.city == "Lyon" || value.city == "Nice"' })!.record;
    expect(either(record('{"city":"Nice"}'))).toBe(true);
    expect(either(record('{"city":"Paris"}'))).toBe(false);
  });

  it('needs nothing where the filter guarantees no text', () => {
    for (const filter of [
      'value.n > 3',
      'value.city != "Lyon"',
      'not value.city == "Lyon"',
      'value.n == "30"',
    ])
      expect(rawPrechecks({ filter })?.record, filter).toBeUndefined();
  });

  it('uses the search word when both a word and a filter are given (both must match)', () => {
    const precheck = rawPrechecks({ q: 'Paris', caseSensitive: true, filter: 'value.n > 1' })!.record;
    expect(precheck(record('{"city":"Lyon","n":7}'))).toBe(false);
    expect(precheck(record('{"city":"Paris","n":7}'))).toBe(true);
  });
});

describe('the raw precheck and the Confluent wire format', () => {
  it('always decodes a key or value in the wire format: its JSON has names its bytes do not', () => {
    // Avro { status: "PAID" } as an enum is the index 1 (zigzag 2): no letter of "PAID" is in the bytes.
    const avro = Buffer.from([0, 0, 0, 0, 7, 2]);
    const may = rawPrechecks({ q: 'PAID', caseSensitive: true })!.record;
    expect(may(record(avro))).toBe(true);
    expect(may(record('{"status":"NEW"}'))).toBe(false);
    const filtered = rawPrechecks({ filter: 'value.status == "PAID"' })!.record;
    expect(filtered(record(avro))).toBe(true);
    expect(filtered(record('{"status":"NEW"}'))).toBe(false);
  });
});
