import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.ts';
import { parseCommand } from '../src/domain/live/commands.ts';

/** The sentence a bad frame earns (and that it is a BAD_REQUEST, which keeps the socket open). */
function refusal(frame: unknown): string {
  try {
    parseCommand(typeof frame === 'string' ? frame : JSON.stringify(frame));
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_REQUEST');
    return (error as DomainError).message;
  }
  throw new Error(`accepted ${JSON.stringify(frame)}`);
}

describe('live-tail command parsing', () => {
  it('accepts every command of the contract', () => {
    const commands = [
      { type: 'start', from: { mode: 'now' } },
      { type: 'start', from: { mode: 'last', count: 10 }, partitions: [0, 2], filter: { q: 'x' } },
      {
        type: 'start',
        from: { mode: 'offsets', offsets: [{ partition: 1, offset: '42' }] },
        partitions: null,
      },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'partitions', partitions: null },
      { type: 'filter', filter: { filter: 'value.a == 1', caseSensitive: true } },
      { type: 'ack', count: 3 },
      { type: 'stop' },
    ];
    for (const command of commands) expect(parseCommand(JSON.stringify(command))).toEqual(command);
  });

  it('explains frames that are not commands at all', () => {
    expect(refusal('not json')).toMatch(/must be a JSON object, e.g. \{"type":"pause"\}/);
    for (const frame of ['[]', 'null', '"pause"', '42'])
      expect(refusal(frame)).toMatch(/must be a JSON object with a "type"/);
    expect(refusal({})).toBe(
      'A live-tail command needs a "type"; known: start, pause, resume, partitions, filter, ack, stop.',
    );
    expect(refusal({ type: 'jump' })).toMatch(/^Unknown live-tail command "jump"; known: start, pause/);
  });

  it('names the field at fault inside a union instead of the first variant that did not match', () => {
    expect(refusal({ type: 'partitions', partitions: [-1] })).toBe(
      'Invalid "partitions" command: partitions.0 must be >= 0.',
    );
    expect(refusal({ type: 'partitions', partitions: 'all' })).toBe(
      'Invalid "partitions" command: partitions must be null or a list.',
    );
    expect(refusal({ type: 'partitions', partitions: [1.5] })).toMatch(
      /partitions\.0 must be a whole number/,
    );
    expect(refusal({ type: 'start', from: { mode: 'last', count: 0 } })).toBe(
      'Invalid "start" command: from.count must be >= 1.',
    );
    expect(refusal({ type: 'start', from: { mode: 'yesterday' } })).toBe(
      'Invalid "start" command: from.mode must be "now" or "last" or "offsets".',
    );
    expect(
      refusal({ type: 'start', from: { mode: 'offsets', offsets: [{ partition: 0, offset: 5 }] } }),
    ).toBe('Invalid "start" command: from.offsets.0.offset must be a string.');
    expect(refusal({ type: 'start', from: { mode: 'now' }, valueFormat: 'xml' })).toBe(
      'Invalid "start" command: valueFormat must be "auto" or "string" or "json" or "hex" or "base64" or "avro" or "protobuf" or "jsonschema".',
    );
    expect(refusal({ type: 'start' })).toMatch(/required properties from/);
    expect(refusal({ type: 'filter', filter: { q: 5 } })).toBe(
      'Invalid "filter" command: filter.q must be a string.',
    );
    expect(refusal({ type: 'ack', count: 0 })).toBe('Invalid "ack" command: count must be >= 1.');
  });
});
