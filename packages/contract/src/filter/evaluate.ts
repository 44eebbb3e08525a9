// The message filter's meaning, shared by the server (browse, search, export, live tail) and the page (which
// applies a changed live filter to the rows it already shows).
import type { DecodedData, Message } from '../messages.ts';
import { parseFilter, type CompareOp, type Node } from './parser.ts';

type Value = unknown;

export interface FilterOptions {
  /** Substring looked for in the key, the value and the header values. */
  q?: string;
  caseSensitive?: boolean;
  /** An expression, e.g. `value.user.age > 30 && headers.source == "kcat"`. */
  filter?: string;
}

/** A key or value as the filter sees it: parsed JSON when it is JSON, else its text; null stays null. */
function dataValue(data: DecodedData): Value {
  if (data === null) return null;
  // Records decoded with a registry schema are JSON too: a filter reaches their fields.
  if (data.format === 'json' || data.schema !== undefined) {
    try {
      return JSON.parse(data.text) as Value;
    } catch {
      return data.text;
    }
  }
  return data.text;
}

function step(target: Value, name: string | number): Value {
  if (target === null || target === undefined || typeof target !== 'object') return undefined;
  if (Array.isArray(target)) return typeof name === 'number' ? target[name] : undefined;
  return Object.prototype.hasOwnProperty.call(target, name)
    ? (target as Record<string, Value>)[name]
    : undefined;
}

/** Resolves a path lazily and caches parsed key/value per message. */
function resolver(message: Message) {
  const cache = new Map<string, Value>();
  const root = (name: string): Value => {
    if (cache.has(name)) return cache.get(name);
    let value: Value;
    switch (name) {
      case 'key':
        value = dataValue(message.key);
        break;
      case 'value':
        value = dataValue(message.value);
        break;
      case 'headers':
        // First header of each name wins, as in most Kafka tools.
        value = Object.fromEntries(
          [...message.headers].reverse().map((h) => [h.key, h.value === null ? null : h.value.text]),
        );
        break;
      case 'partition':
        value = message.partition;
        break;
      case 'offset':
        value = Number(message.offset);
        break;
      case 'timestamp':
        value = message.timestamp;
        break;
    }
    cache.set(name, value);
    return value;
  };
  return (node: Extract<Node, { kind: 'path' }>): Value => node.steps.reduce<Value>(step, root(node.root));
}

const numeric = (v: Value): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

function equals(a: Value, b: Value): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = numeric(a);
    const y = numeric(b);
    return x !== undefined && y !== undefined && x === y;
  }
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function order(a: Value, b: Value): number | undefined {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const text = (v: Value): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function compare(op: CompareOp, a: Value, b: Value): boolean {
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case 'contains': {
      if (Array.isArray(a)) return a.some((item) => equals(item, b));
      const [s, t] = [text(a), text(b)];
      return s !== undefined && t !== undefined && s.includes(t);
    }
    case 'startsWith':
    case 'endsWith': {
      const [s, t] = [text(a), text(b)];
      if (s === undefined || t === undefined) return false;
      return op === 'startsWith' ? s.startsWith(t) : s.endsWith(t);
    }
    default: {
      const d = order(a, b);
      if (d === undefined) return false;
      return op === '>' ? d > 0 : op === '>=' ? d >= 0 : op === '<' ? d < 0 : d <= 0;
    }
  }
}

const truthy = (v: Value): boolean =>
  v !== null &&
  v !== undefined &&
  v !== false &&
  v !== 0 &&
  v !== '' &&
  !(Array.isArray(v) && v.length === 0);

function evaluate(node: Node, resolve: ReturnType<typeof resolver>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'path':
      return resolve(node);
    case 'not':
      return !truthy(evaluate(node.operand, resolve));
    case 'and':
      return truthy(evaluate(node.left, resolve)) && truthy(evaluate(node.right, resolve));
    case 'or':
      return truthy(evaluate(node.left, resolve)) || truthy(evaluate(node.right, resolve));
    case 'compare':
      return compare(node.op, evaluate(node.left, resolve), evaluate(node.right, resolve));
  }
}

function substringMatcher(q: string, caseSensitive: boolean): (message: Message) => boolean {
  const needle = caseSensitive ? q : q.toLowerCase();
  const has = (data: DecodedData) =>
    data !== null && (caseSensitive ? data.text : data.text.toLowerCase()).includes(needle);
  return (m) => has(m.key) || has(m.value) || m.headers.some((h) => has(h.value));
}

/**
 * One predicate for the substring (`q`) and the expression (`filter`); both must match when both are given.
 * The expression is parsed once here, so a syntax error is reported before any record is read.
 */
export function compileFilter(options: FilterOptions): (message: Message) => boolean {
  const checks: ((message: Message) => boolean)[] = [];
  if (options.q) checks.push(substringMatcher(options.q, options.caseSensitive ?? false));
  if (options.filter?.trim()) {
    const tree = parseFilter(options.filter);
    checks.push((m) => truthy(evaluate(tree, resolver(m))));
  }
  if (checks.length === 0) return () => true;
  return (m) => checks.every((check) => check(m));
}
