import { describe, expect, it } from 'vitest';
import { formFromParams, formToParams, initialForm, toQuery } from './browseForm.ts';

describe('browse form in the address', () => {
  it('writes only what differs from the defaults and reads it back the same', () => {
    const form = {
      ...initialForm,
      seek: 'timestamp' as const,
      timestamp: '2024-05-01T15:20:42',
      partitions: [0, 2],
      limit: 50,
      valueFormat: 'json' as const,
      q: 'Error',
      caseSensitive: true,
      filter: 'value.n > 3',
    };
    const params = formToParams(form, 'utc', new URLSearchParams('produce=1'));
    expect(Object.fromEntries(params)).toEqual({
      produce: '1',
      seek: 'timestamp',
      timestamp: '2024-05-01T15:20:42.000Z',
      partitions: '0,2',
      limit: '50',
      valueFormat: 'json',
      q: 'Error',
      cs: '1',
      filter: 'value.n > 3',
    });
    expect(formFromParams(params, 'utc')).toEqual(form);
    expect(formToParams(initialForm, 'utc', new URLSearchParams()).toString()).toBe('');
  });
  it('reads the picker in the chosen clock', () => {
    const form = { ...initialForm, seek: 'timestamp' as const, timestamp: '2024-05-01T15:20:42' };
    expect(toQuery(form, 'utc').timestamp).toBe('2024-05-01T15:20:42.000Z');
  });
  it('ignores values that are not allowed', () => {
    const form = formFromParams(new URLSearchParams('seek=sideways&limit=-3&keyFormat=xml'), 'utc');
    expect(form).toEqual(initialForm);
  });
});
