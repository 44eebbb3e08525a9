import { describe, expect, it } from 'vitest';
import { checkNameIsFree, nameWarnings, validateTopicName } from './names.ts';

describe('topic names (Kafka Topic.validate rules)', () => {
  it('accepts legal names up to 249 characters', () => {
    for (const name of ['orders', 'a.b-c_d', 'A9', 'x'.repeat(249)])
      expect(() => validateTopicName(name)).not.toThrow();
  });
  it('refuses what Kafka refuses, saying why', () => {
    expect(() => validateTopicName('')).toThrow('A topic name cannot be empty.');
    expect(() => validateTopicName('.')).toThrow('"." cannot be used as a topic name.');
    expect(() => validateTopicName('..')).toThrow('".." cannot be used as a topic name.');
    expect(() => validateTopicName('x'.repeat(250))).toThrow('at most 249 characters long; this one has 250');
    expect(() => validateTopicName('a/b c')).toThrow('(found "/", space)');
    expect(() => validateTopicName('dž')).toThrow('(found "ž")');
  });
  it('warns about "." and "_" like kafka-topics does', () => {
    expect(nameWarnings('plain-name')).toEqual([]);
    expect(nameWarnings('a.b')[0]).toMatch(/could collide/);
    expect(nameWarnings('a_b')).toHaveLength(1);
  });
  it('refuses an existing name (409) and one that collides once "." reads as "_"', () => {
    expect(() => checkNameIsFree('a.b', ['x', 'a.b'])).toThrow('Topic "a.b" already exists.');
    expect(() => checkNameIsFree('a_b', ['a.b'])).toThrow('collides with the existing topic "a.b"');
    expect(() => checkNameIsFree('a.b.c', ['a_b_c'])).toThrow('collides');
    expect(() => checkNameIsFree('a-b', ['a.b', 'a_b'])).not.toThrow();
    const caught = (() => {
      try {
        checkNameIsFree('a_b', ['a.b']);
      } catch (error) {
        return error as { code?: string };
      }
    })();
    expect(caught?.code).toBe('CONFLICT');
  });
});
