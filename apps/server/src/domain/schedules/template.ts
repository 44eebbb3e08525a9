// Values of a schedule may hold {{seq}}, {{now}}, {{uuid}} and {{randomInt a b}}: parsed once by this small
// scanner into parts, then rendered per run. Nothing is ever evaluated.
import { randomInt, randomUUID } from 'node:crypto';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'seq' }
  | { kind: 'now' }
  | { kind: 'uuid' }
  | { kind: 'randomInt'; min: number; max: number };

export interface RenderContext {
  seq: number;
  now: number;
}

const KNOWN = 'seq, now, uuid, randomInt a b';

/** The parts of `text`, or the reason it is not a template we understand (a sentence without the field). */
export function parseTemplate(text: string): TemplatePart[] | string {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return `"{{" at character ${open + 1} is never closed with "}}"`;
    const [name = '', ...args] = text
      .slice(open + 2, close)
      .trim()
      .split(/\s+/);
    const part = functionPart(name, args);
    if (typeof part === 'string') return part;
    parts.push(part);
    at = close + 2;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

function functionPart(name: string, args: string[]): TemplatePart | string {
  const noArgs = (part: TemplatePart) =>
    args.length === 0 ? part : `{{${name}}} takes no arguments, got "${args.join(' ')}"`;
  switch (name) {
    case 'seq':
      return noArgs({ kind: 'seq' });
    case 'now':
      return noArgs({ kind: 'now' });
    case 'uuid':
      return noArgs({ kind: 'uuid' });
    case 'randomInt': {
      const [min, max] = args.map(Number);
      if (args.length !== 2 || !Number.isSafeInteger(min) || !Number.isSafeInteger(max))
        return `{{randomInt a b}} needs two whole numbers, got "${args.join(' ')}"`;
      if (min! > max!) return `{{randomInt ${min} ${max}}}: the first number must not exceed the second`;
      return { kind: 'randomInt', min: min!, max: max! };
    }
    default:
      return `unknown template function "${name}" (known: ${KNOWN})`;
  }
}

export function renderTemplate(parts: TemplatePart[], context: RenderContext): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'seq':
          return String(context.seq);
        case 'now':
          return new Date(context.now).toISOString();
        case 'uuid':
          return randomUUID();
        case 'randomInt':
          return String(randomInt(part.min, part.max + 1));
      }
    })
    .join('');
}

/** Parses and renders in one go; the text must have been validated. */
export function render(text: string, context: RenderContext): string {
  const parts = parseTemplate(text);
  if (typeof parts === 'string') throw new Error(parts);
  return renderTemplate(parts, context);
}
