import { describe, expect, it } from 'vitest';
import { parseTemplate, render } from './template.ts';

describe('schedule templates', () => {
  const context = { seq: 7, now: Date.parse('2026-12-01T10:00:00Z') };

  it('renders {{seq}}, {{now}}, {{uuid}} and {{randomInt a b}} and leaves other text alone', () => {
    expect(render('n={{seq}} at {{ now }}', context)).toBe('n=7 at 2026-12-01T10:00:00.000Z');
    expect(render('{{uuid}}', context)).toMatch(/^[0-9a-f-]{36}$/);
    for (let i = 0; i < 50; i++) {
      const n = Number(render('{{randomInt 1 3}}', context));
      expect([1, 2, 3]).toContain(n);
    }
    expect(render('{"a": {"b": 1}} plain } {', context)).toBe('{"a": {"b": 1}} plain } {');
  });

  it('refuses an unknown function, bad arguments and an unclosed {{ with a sentence, never evaluating', () => {
    expect(parseTemplate('{{process.exit 1}}')).toMatch(/unknown template function "process.exit"/);
    expect(parseTemplate('{{randomInt 1}}')).toMatch(/needs two whole numbers/);
    expect(parseTemplate('{{randomInt 5 1}}')).toMatch(/must not exceed/);
    expect(parseTemplate('{{seq 2}}')).toMatch(/takes no arguments/);
    expect(parseTemplate('a {{seq')).toMatch(/never closed/);
  });
});
