import { describe, expect, it } from 'vitest';
import { parseJson } from './json.ts';

describe('parseJson', () => {
  it('keeps numbers as written, big ones included', () => {
    expect(parseJson('{"id": 9223372036854775807, "x": [1.50, true, null, "a\\"b"]}')).toEqual({
      kind: 'object',
      entries: [
        ['id', { kind: 'number', raw: '9223372036854775807' }],
        [
          'x',
          {
            kind: 'array',
            items: [
              { kind: 'number', raw: '1.50' },
              { kind: 'literal', raw: 'true' },
              { kind: 'literal', raw: 'null' },
              { kind: 'string', value: 'a"b' },
            ],
          },
        ],
      ],
    });
  });
  it('refuses what is not one JSON value', () => {
    expect(parseJson('{"a": 1')).toBeNull();
    expect(parseJson('1 2')).toBeNull();
    expect(parseJson('hello')).toBeNull();
    expect(parseJson('{}')).toEqual({ kind: 'object', entries: [] });
  });
});
