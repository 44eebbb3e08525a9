import { describe, expect, it } from 'vitest';
import { decodeData, decodeRecord } from '../src/domain/messages/decode.ts';

describe('decodeData', () => {
  it('auto: JSON pretty, then UTF-8 text, then hex', () => {
    expect(decodeData(Buffer.from('{"a":1,"b":[true]}'), 'auto', 100)).toEqual({
      format: 'json',
      text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
      size: 18,
      truncated: false,
    });
    expect(decodeData(Buffer.from('héllo wörld'), 'auto', 100)).toMatchObject({
      format: 'string',
      text: 'héllo wörld',
    });
    expect(decodeData(Buffer.from('{not json'), 'auto', 100)).toMatchObject({
      format: 'string',
      text: '{not json',
    });
    expect(decodeData(Buffer.from([0xff, 0x00, 0x10]), 'auto', 100)).toMatchObject({
      format: 'hex',
      text: 'ff0010',
    });
    // Valid UTF-8 but control characters: still binary.
    expect(decodeData(Buffer.from([1, 2, 3]), 'auto', 100)).toMatchObject({ format: 'hex', text: '010203' });
  });

  it('keeps null as null and empty as empty', () => {
    expect(decodeData(null, 'auto', 100)).toBeNull();
    expect(decodeData(Buffer.alloc(0), 'auto', 100)).toEqual({
      format: 'string',
      text: '',
      size: 0,
      truncated: false,
    });
  });

  it('forced formats', () => {
    const bytes = Buffer.from('hi');
    expect(decodeData(bytes, 'hex', 100)).toMatchObject({ format: 'hex', text: '6869' });
    expect(decodeData(bytes, 'base64', 100)).toMatchObject({ format: 'base64', text: 'aGk=' });
    expect(decodeData(Buffer.from('[1]'), 'string', 100)).toMatchObject({ format: 'string', text: '[1]' });
    expect(decodeData(Buffer.from('[1]'), 'json', 100)).toMatchObject({ format: 'json', text: '[\n  1\n]' });
  });

  it('json on invalid JSON says why and shows the raw text', () => {
    const d = decodeData(Buffer.from('{"a":'), 'json', 100);
    expect(d).toMatchObject({ format: 'string', text: '{"a":' });
    expect(d?.error).toMatch(/Not valid JSON/);
    expect(decodeData(Buffer.from([0xff]), 'json', 100)).toMatchObject({ format: 'hex', text: 'ff' });
  });

  it('cuts large data, keeps the full size, never splits a character into garbage', () => {
    const big = Buffer.from('é'.repeat(100)); // 200 bytes
    const d = decodeData(big, 'auto', 51);
    expect(d).toMatchObject({ format: 'string', size: 200, truncated: true });
    expect(d?.text).toBe('é'.repeat(25));
    expect(decodeData(Buffer.alloc(1000, 0xab), 'hex', 10)).toMatchObject({
      text: 'ab'.repeat(10),
      size: 1000,
      truncated: true,
    });
  });
});

describe('decodeRecord', () => {
  it('decodes key, value, headers and sizes', () => {
    const m = decodeRecord(
      {
        topic: 't',
        partition: 3,
        offset: '42',
        timestamp: '1700000000123',
        timestampType: 'LogAppendTime',
        key: null,
        value: Buffer.from('{"x":1}'),
        headers: [
          { key: 'h', value: Buffer.from('v') },
          { key: 'n', value: null },
        ],
      },
      { keyFormat: 'auto', valueFormat: 'string', maxValueBytes: 100 },
    );
    expect(m).toEqual({
      partition: 3,
      offset: '42',
      timestamp: 1700000000123,
      timestampType: 'LogAppendTime',
      key: null,
      value: { format: 'string', text: '{"x":1}', size: 7, truncated: false },
      headers: [
        { key: 'h', value: { format: 'string', text: 'v', size: 1, truncated: false } },
        { key: 'n', value: null },
      ],
      sizes: { key: 0, value: 7, headers: 3 },
    });
  });
});
