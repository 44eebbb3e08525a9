import type { ScheduleInput } from '@tributary/contract';
import { DomainError } from '../errors.ts';
import { parseTemplate } from './template.ts';
import { compileTrigger } from './trigger.ts';

/** A 400 that names the field, in the message and in `fields`. */
export function fieldError(field: string, problem: string): DomainError {
  return new DomainError('BAD_REQUEST', `Invalid body field "${field}": ${problem}.`, { field }, [
    { name: field, errors: [problem] },
  ]);
}

/** Checks what the schema cannot: the trigger, one of value/values, and every template. */
export function validateScheduleInput(input: ScheduleInput, now: number): void {
  const trigger = compileTrigger(input.trigger);
  if ('field' in trigger) throw fieldError(trigger.field, trigger.problem);
  if (trigger.kind === 'at' && trigger.at < now - 1000)
    throw fieldError('trigger.at', `${input.trigger.at} is in the past`);
  if ((input.value === undefined) === (input.values === undefined))
    throw fieldError('value', 'give either "value" or "values" (one of them, not both)');
  if (input.values?.length === 0) throw fieldError('values', 'needs at least one value');
  if (input.pick !== undefined && input.values === undefined)
    throw fieldError('pick', 'goes only with "values"');
  const templates: [string, string][] = [
    ...(input.value !== undefined ? [['value', input.value] as [string, string]] : []),
    ...(input.values ?? []).map((v, i): [string, string] => [`values.${i}`, v]),
    ...(typeof input.key === 'string' ? [['key', input.key] as [string, string]] : []),
    ...(input.headers ?? []).map((h, i): [string, string] => [`headers.${i}.value`, h.value]),
  ];
  for (const [field, text] of templates) {
    const parsed = parseTemplate(text);
    if (typeof parsed === 'string') throw fieldError(field, parsed);
  }
}
