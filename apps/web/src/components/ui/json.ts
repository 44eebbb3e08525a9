/** JSON as a tree whose numbers keep their text: 9223372036854775807 is not rounded for display. */
export type JsonNode =
  | { kind: 'object'; entries: [string, JsonNode][] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; raw: string };

const TOKEN =
  /\s*(?:([{}[\],:])|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null))\s*/y;

/** Parses `text`; null when it is not one JSON value. */
export function parseJson(text: string): JsonNode | null {
  TOKEN.lastIndex = 0;
  const tokens: string[] = [];
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return null;
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  let i = 0;
  const value = (): JsonNode => {
    const tok = tokens[i++];
    if (tok === undefined) throw new Error('end');
    if (tok === '{') {
      const entries: [string, JsonNode][] = [];
      if (tokens[i] === '}') return (i++, { kind: 'object', entries });
      for (;;) {
        const key = tokens[i++];
        if (!key?.startsWith('"') || tokens[i++] !== ':') throw new Error('key');
        entries.push([JSON.parse(key) as string, value()]);
        const sep = tokens[i++];
        if (sep === '}') return { kind: 'object', entries };
        if (sep !== ',') throw new Error('sep');
      }
    }
    if (tok === '[') {
      const items: JsonNode[] = [];
      if (tokens[i] === ']') return (i++, { kind: 'array', items });
      for (;;) {
        items.push(value());
        const sep = tokens[i++];
        if (sep === ']') return { kind: 'array', items };
        if (sep !== ',') throw new Error('sep');
      }
    }
    if (tok.startsWith('"')) return { kind: 'string', value: JSON.parse(tok) as string };
    if (/^[-\d]/.test(tok)) return { kind: 'number', raw: tok };
    if (/^(true|false|null)$/.test(tok)) return { kind: 'literal', raw: tok };
    throw new Error('token');
  };
  try {
    const root = value();
    return i === tokens.length ? root : null;
  } catch {
    return null;
  }
}
