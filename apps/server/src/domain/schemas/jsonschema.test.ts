import { describe, expect, it } from 'vitest';
import { jsonSchemaValidator } from './jsonschema.ts';

describe('JSON Schema checks for producing', () => {
  const check = jsonSchemaValidator(
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        id: { type: 'string' },
        user: { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] },
        address: { $ref: 'address.json' },
      },
      required: ['id'],
      additionalProperties: false,
    }),
    [
      {
        name: 'address.json',
        schema: JSON.stringify({ type: 'object', properties: { city: { type: 'string' } } }),
      },
    ],
  );

  it('accepts a matching record, references included', () => {
    expect(() => check({ id: 'a', user: { age: 3 }, address: { city: 'Lyon' } })).not.toThrow();
  });

  it('names the path of the first invalid field: wrong type, missing, extra, in a reference', () => {
    expect(() => check({ id: 'a', user: { age: 'old' } })).toThrow(
      'field "user.age" does not match the schema (must be integer)',
    );
    expect(() => check({ id: 'a', user: {} })).toThrow('field "user.age" does not match');
    expect(() => check({ id: 'a', colour: 'red' })).toThrow('field "colour" does not match');
    expect(() => check({ id: 'a', address: { city: 4 } })).toThrow('field "address.city" does not match');
  });

  it('reads 2020-12 schemas with their own draft', () => {
    const strict = jsonSchemaValidator(
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'array',
        prefixItems: [{ type: 'string' }],
      }),
    );
    expect(() => strict(['x'])).not.toThrow();
    expect(() => strict([1])).toThrow('field "0" does not match');
  });
});
