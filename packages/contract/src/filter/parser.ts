// The message filter language: a tiny, safe expression grammar parsed into a tree and interpreted
// (never eval/Function/vm — kafka-ui's Groovy filters were a remote-code hole).
//
//   expr    := and ( ('||' | 'or') and )*
//   and     := unary ( ('&&' | 'and') unary )*
//   unary   := ('!' | 'not') unary | compare
//   compare := operand ( op operand )?
//   op      := == != > >= < <= contains startsWith endsWith
//   operand := literal | path | '(' expr ')'
//   path    := ident ( '.' ident | '[' (string | number) ']' )*
//   literal := "string" | 'string' | number | true | false | null

/** A filter that does not parse; `position` is the 1-based character where the parser stopped. */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'contains' | 'startsWith' | 'endsWith';
export type Node =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'path'; root: string; steps: (string | number)[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'compare'; op: CompareOp; left: Node; right: Node };

export const ROOTS = ['key', 'value', 'headers', 'partition', 'offset', 'timestamp'] as const;
const MAX_LENGTH = 2000;
const MAX_DEPTH = 40;

type Token =
  | { type: 'op' | 'punct' | 'ident'; text: string; pos: number }
  | { type: 'string' | 'number'; text: string; value: string | number; pos: number }
  | { type: 'end'; text: ''; pos: number };

const WORD_OPS = new Set(['contains', 'startsWith', 'endsWith', 'and', 'or', 'not']);

function syntaxError(pos: number, message: string): never {
  throw new FilterError(`Filter syntax error at character ${pos + 1}: ${message}`, pos + 1);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (['==', '!=', '>=', '<=', '&&', '||'].includes(two)) {
      tokens.push({ type: 'op', text: two, pos: i });
      i += 2;
    } else if ('<>!'.includes(c)) {
      tokens.push({ type: 'op', text: c, pos: i });
      i++;
    } else if ('().[]'.includes(c)) {
      tokens.push({ type: 'punct', text: c, pos: i });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j++;
        if (j >= source.length) break;
        value += source[j];
        j++;
      }
      if (j >= source.length) syntaxError(i, `the text starting here is missing its closing ${c}`);
      tokens.push({ type: 'string', text: source.slice(i, j + 1), value, pos: i });
      i = j + 1;
    } else if (/[-\d]/.test(c)) {
      const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(source.slice(i));
      if (!match) syntaxError(i, `unexpected "${c}"`);
      tokens.push({ type: 'number', text: match[0], value: Number(match[0]), pos: i });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$-]*/.exec(source.slice(i))?.[0] ?? c;
      tokens.push({ type: WORD_OPS.has(word) ? 'op' : 'ident', text: word, pos: i });
      i += word.length;
    } else if (c === '=') {
      syntaxError(i, 'use "==" to compare');
    } else {
      syntaxError(i, `unexpected "${c}"`);
    }
  }
  tokens.push({ type: 'end', text: '', pos: source.length });
  return tokens;
}

const COMPARE_OPS = new Set<string>(['==', '!=', '>', '>=', '<', '<=', 'contains', 'startsWith', 'endsWith']);

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }
  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }
  private describe(token: Token): string {
    return token.type === 'end' ? 'the end of the filter' : `"${token.text}"`;
  }

  parse(): Node {
    const node = this.expr();
    const rest = this.peek();
    if (rest.type !== 'end') syntaxError(rest.pos, `expected && or || before ${this.describe(rest)}`);
    return node;
  }

  private expr(): Node {
    if (++this.depth > MAX_DEPTH) syntaxError(this.peek().pos, 'the filter is nested too deeply');
    let left = this.and();
    while (['||', 'or'].includes(this.peek().text) && this.peek().type === 'op') {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    this.depth--;
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (['&&', 'and'].includes(this.peek().text) && this.peek().type === 'op') {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    const token = this.peek();
    if (token.type === 'op' && (token.text === '!' || token.text === 'not')) {
      this.next();
      if (++this.depth > MAX_DEPTH) syntaxError(token.pos, 'the filter is nested too deeply');
      const operand = this.unary();
      this.depth--;
      return { kind: 'not', operand };
    }
    const left = this.operand();
    const op = this.peek();
    if (op.type === 'op' && COMPARE_OPS.has(op.text)) {
      this.next();
      return { kind: 'compare', op: op.text as CompareOp, left, right: this.operand() };
    }
    return left;
  }

  private operand(): Node {
    const token = this.next();
    if (token.type === 'string' || token.type === 'number') return { kind: 'literal', value: token.value };
    if (token.type === 'punct' && token.text === '(') {
      const inner = this.expr();
      const close = this.next();
      if (close.text !== ')') syntaxError(close.pos, `expected ")" but found ${this.describe(close)}`);
      return inner;
    }
    if (token.type === 'ident') {
      if (token.text === 'true' || token.text === 'false')
        return { kind: 'literal', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'literal', value: null };
      if (!(ROOTS as readonly string[]).includes(token.text))
        syntaxError(
          token.pos,
          `unknown name "${token.text}"; use one of ${ROOTS.join(', ')} or a quoted "text"`,
        );
      return this.path(token.text);
    }
    syntaxError(token.pos, `expected a value, a name or "(" but found ${this.describe(token)}`);
  }

  private path(root: string): Node {
    const steps: (string | number)[] = [];
    for (;;) {
      const token = this.peek();
      if (token.text === '.' && token.type === 'punct') {
        this.next();
        const name = this.next();
        if (name.type !== 'ident' && name.type !== 'op')
          syntaxError(name.pos, `expected a field name after "." but found ${this.describe(name)}`);
        steps.push(name.text);
      } else if (token.text === '[' && token.type === 'punct') {
        this.next();
        const index = this.next();
        if (index.type !== 'string' && index.type !== 'number')
          syntaxError(
            index.pos,
            `expected a "name" or a number inside [ ] but found ${this.describe(index)}`,
          );
        steps.push(index.value);
        const close = this.next();
        if (close.text !== ']') syntaxError(close.pos, `expected "]" but found ${this.describe(close)}`);
      } else {
        return { kind: 'path', root, steps };
      }
    }
  }
}

/** Parses a filter expression; a mistake is a FilterError naming the character where it is. */
export function parseFilter(source: string): Node {
  if (source.length > MAX_LENGTH)
    throw new FilterError(`The filter is longer than ${MAX_LENGTH} characters.`);
  if (source.trim() === '') syntaxError(0, 'the filter is empty');
  return new Parser(tokenize(source)).parse();
}
