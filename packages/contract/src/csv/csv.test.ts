import { describe, expect, it } from 'vitest';
import { inferColumnType, numberLiteral, parseColumnTypes, typedField } from './index.ts';

describe('CSV column types', () => {
  it('reads JSON numbers and decimal commas, but not ids with leading zeros or words', () => {
    expect(
      ['1', '-0.5', '3e8', '3,5', ' 42 ', '007', '1.', '+1', 'abc', '1,000,000'].map(numberLiteral),
    ).toEqual(['1', '-0.5', '3e8', '3.5', '42', undefined, undefined, undefined, undefined, undefined]);
  });

  it('infers number or boolean only when every filled sample is one', () => {
    expect(inferColumnType(['1', '', '2,5'])).toBe('number');
    expect(inferColumnType(['true', 'FALSE', ''])).toBe('boolean');
    expect(inferColumnType(['1', 'x'])).toBe('string');
    expect(inferColumnType(['', ' '])).toBe('string');
  });

  it('parses column:type lists and names what is wrong', () => {
    expect(parseColumnTypes('a:number, b c:boolean,')).toEqual(
      new Map([
        ['a', 'number'],
        ['b c', 'boolean'],
      ]),
    );
    expect(parseColumnTypes('a:int')).toEqual({
      error: 'columnTypes: the type of column "a" is "int"; use one of string, number, boolean, json.',
    });
    expect(parseColumnTypes(':number')).toMatchObject({
      error: expect.stringContaining('is not column:type'),
    });
  });

  it('writes each field as JSON of its type, empty typed fields as null', () => {
    expect(typedField('x"y', 'string')).toEqual({ json: '"x\\"y"' });
    expect(typedField('', 'string')).toEqual({ json: '""' });
    expect(typedField(' ', 'number')).toEqual({ json: 'null' });
    expect(typedField('12345678901234567890', 'number')).toEqual({ json: '12345678901234567890' });
    expect(typedField('True', 'boolean')).toEqual({ json: 'true' });
    expect(typedField('{"a": 1}', 'json')).toEqual({ json: '{"a":1}' });
    expect(typedField('yes', 'boolean')).toEqual({ error: '"yes" is not true or false' });
    expect(typedField('{', 'json')).toEqual({ error: '"{" is not JSON' });
  });
});
