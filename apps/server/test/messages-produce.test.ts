import { describe, expect, it } from 'vitest';
import { Partitioners } from 'kafkajs';
import { encodeInput, murmur2, partitioner } from '../src/domain/messages/produce.ts';
import { parseLines } from '../src/domain/messages/bulk.ts';
import { DomainError } from '../src/domain/errors.ts';

describe('partitioning', () => {
  it('places keyed records exactly like kafkajs (and so the Java client) does', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const metadata = Array.from({ length: 7 }, (_, i) => ({
      partitionId: i,
      leader: 1,
      replicas: [1],
      isr: [1],
      partitionErrorCode: 0,
    }));
    const ours = partitioner(7);
    for (const key of ['', 'a', 'ab', 'abc', 'abcd', 'order-42', 'grüße', 'x'.repeat(101)]) {
      const expected = kafkajs({ topic: 't', partitionMetadata: metadata, message: { key, value: null } });
      expect(ours(Buffer.from(key)), key).toBe(expected);
    }
    // Known value from the Java client's Utils.murmur2 test vectors.
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
  });

  it('spreads records without a key round-robin', () => {
    const choose = partitioner(3);
    const seen = new Set(Array.from({ length: 6 }, () => choose(null)));
    expect(seen).toEqual(new Set([0, 1, 2]));
  });
});

describe('encodeInput', () => {
  it('turns text into bytes per format, and says what is wrong', () => {
    expect(encodeInput('héllo', 'string', 'value')?.toString()).toBe('héllo');
    expect([...(encodeInput('00 ff', 'hex', 'value') ?? [])]).toEqual([0, 255]);
    expect(encodeInput('aGk=', 'base64', 'value')?.toString()).toBe('hi');
    expect(encodeInput(null, 'json', 'value')).toBeNull();
    expect(() => encodeInput('{', 'json', 'value')).toThrow(/The value is not valid JSON/);
    expect(() => encodeInput('abc', 'hex', 'key')).toThrow(DomainError);
  });
});

describe('parseLines', () => {
  it('splits key and value at the first separator; lines without one are errors with their number', () => {
    expect(
      parseLines({ lines: 'a::1\r\n\nb::x::y', separator: '::' }).map((i) =>
        'error' in i ? i : [i.line, i.key?.toString(), i.value?.toString()],
      ),
    ).toEqual([
      [1, 'a', '1'],
      [3, 'b', 'x::y'],
    ]);
    expect(parseLines({ lines: 'v1\nv2' }).map((i) => ('error' in i ? i : i.key))).toEqual([null, null]);
    expect(parseLines({ lines: 'k:{"a":1}\nk:{bad', separator: ':', valueFormat: 'json' })[1]).toMatchObject({
      line: 2,
      error: expect.stringMatching(/value on line 2 is not valid JSON/) as string,
    });
  });
});
