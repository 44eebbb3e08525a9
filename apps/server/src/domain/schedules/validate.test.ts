import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from '@tributary/contract';
import { DomainError } from '../errors.ts';
import { parseDuration } from './trigger.ts';
import { validateScheduleInput } from './validate.ts';

const now = Date.parse('2026-12-01T10:00:00Z');
const base: ScheduleInput = { name: 's', topic: 't', value: 'v', trigger: { every: '1s' } };

function refusal(input: Partial<ScheduleInput>): { field: string | undefined; message: string } {
  try {
    validateScheduleInput({ ...base, ...input }, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('BAD_REQUEST');
    return { field: error.fields?.[0]?.name, message: error.message };
  }
  throw new Error('accepted');
}

describe('schedule validation', () => {
  it('reads durations', () => {
    expect(parseDuration('200ms')).toBe(200);
    expect(parseDuration('1s')).toBe(1000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('soon')).toBeNull();
  });

  it('accepts the three kinds of trigger', () => {
    validateScheduleInput({ ...base, trigger: { every: '200ms', count: 10 } }, now);
    validateScheduleInput({ ...base, trigger: { at: '2026-12-01T11:00:00Z' } }, now);
    validateScheduleInput({ ...base, trigger: { cron: '0 10 * * 1-5', timezone: 'Europe/Paris' } }, now);
  });

  it('names the field of each refusal', () => {
    expect(refusal({ trigger: { cron: 'every tuesday' } })).toMatchObject({
      field: 'trigger.cron',
      message: expect.stringMatching(/^Invalid body field "trigger.cron": "every tuesday" does not parse/),
    });
    expect(refusal({ trigger: { every: '5ms' } })).toMatchObject({
      field: 'trigger.every',
      message: expect.stringContaining('at least 10ms'),
    });
    expect(refusal({ trigger: { every: '1s', count: 0 } }).field).toBe('trigger.count');
    expect(refusal({ value: 'n={{seqq}}' })).toMatchObject({
      field: 'value',
      message: expect.stringContaining('unknown template function "seqq"'),
    });
    expect(refusal({ value: undefined, values: ['ok', '{{nope}}'] }).field).toBe('values.1');
    expect(refusal({ headers: [{ key: 'h', value: '{{x}}' }] }).field).toBe('headers.0.value');
    expect(refusal({ trigger: { cron: '* * * * *', timezone: 'Mars/Olympus' } }).field).toBe(
      'trigger.timezone',
    );
    expect(refusal({ trigger: {} }).field).toBe('trigger');
    expect(refusal({ trigger: { every: '1s', at: '2026-12-01T11:00:00Z' } }).field).toBe('trigger');
    expect(refusal({ trigger: { at: 'tomorrow' } }).field).toBe('trigger.at');
    expect(refusal({ trigger: { at: '2026-11-01T11:00:00Z' } }).message).toContain('in the past');
    expect(refusal({ trigger: { cron: '* * * * *', count: 2 } }).field).toBe('trigger.count');
    expect(refusal({ values: ['a'] }).field).toBe('value');
    expect(refusal({ value: undefined, values: [] }).field).toBe('values');
  });
});
