// Texts a filter expression cannot be true without: a search then tests raw record bytes for them before
// decoding (raw-precheck.ts). Only what the filter's meaning guarantees counts (packages/contract/src/filter):
//   path == "S", path contains "S", path startsWith "S", path endsWith "S"  need S inside a string the
//   record's key, value or a header value holds (a JSON string's content is its bytes unless escaped, and
//   a text value is its bytes), so long as S could not come from a number, true/false/null, hex display or
//   a replacement character;
//   A header's text is compared as shown, pretty-printed when it is JSON (spaces, re-written numbers): of a
//   headers path only a word of letters counts, as for a word search;
//   A && B needs what A needs (or what B needs); A || B needs what A needs or what B needs;
//   not, !=, <, >, a bare path and two literals need nothing.
import { FilterError, parseFilter, type Node } from '@tributary/contract/filter';

/** More alternatives than this cost more to look for than decoding saves. */
const MAX_ALTERNATIVES = 8;
// Text a number (String(1e21) is "1e+21"), a boolean or binary shown as hex can be made of.
const NUMBER_OR_HEX = /^[0-9a-fA-F.+\-\s]*$/;

// Letters pretty-printed JSON never adds: all but the "e" of 1e+21 and the "null" of 1e400.
const WORD = /^[\p{L}_]+$/u;
const HEX_WORD = /^[0-9a-f]+$/;

/** Whether a string literal that a header's shown text equals or holds must be in the header's bytes. */
function inHeaderBytes(literal: string): boolean {
  return WORD.test(literal) && !HEX_WORD.test(literal) && !'null'.includes(literal) && inBytes(literal);
}

/** Whether a string literal that a key's or value's text or JSON string equals or holds must be in its bytes. */
function inBytes(literal: string): boolean {
  if (literal === '' || literal.includes('\uFFFD')) return false; // invalid UTF-8 shows as U+FFFD
  if (NUMBER_OR_HEX.test(literal)) return false; // 30 == "30" also when the bytes say 3e1
  if (Number.isFinite(Number(literal))) return false; // "0x1e" == 30
  return !['true', 'false', 'null'].some((word) => word.includes(literal));
}

function required(node: Node): string[] | undefined {
  switch (node.kind) {
    case 'compare': {
      const { op, left, right } = node;
      const literalOf = (n: Node) =>
        n.kind === 'literal' && typeof n.value === 'string' ? n.value : undefined;
      // `"S" contains path` holds when the path's text is in S: nothing is needed of the record then.
      const [path, literal] =
        op === '==' && left.kind === 'path'
          ? [left, literalOf(right)]
          : op === '==' && right.kind === 'path'
            ? [right, literalOf(left)]
            : (op === 'contains' || op === 'startsWith' || op === 'endsWith') && left.kind === 'path'
              ? [left, literalOf(right)]
              : [undefined, undefined];
      if (!path || literal === undefined) return undefined;
      return (path.root === 'headers' ? inHeaderBytes : inBytes)(literal) ? [literal] : undefined;
    }
    case 'and': {
      const [a, b] = [required(node.left), required(node.right)];
      if (!a || !b) return a ?? b;
      return better(a, b);
    }
    case 'or': {
      const [a, b] = [required(node.left), required(node.right)];
      return a && b ? [...new Set([...a, ...b])] : undefined;
    }
    default:
      return undefined;
  }
}

/** Fewer alternatives first, then the longer shortest one (rarer in the bytes). */
function better(a: string[], b: string[]): string[] {
  if (a.length !== b.length) return a.length < b.length ? a : b;
  const shortest = (x: string[]) => Math.min(...x.map((s) => s.length));
  return shortest(a) >= shortest(b) ? a : b;
}

/**
 * Texts one of which a record's key, value or header values must hold (in their bytes) for `filter` to be
 * true; undefined when no such text is certain, or the filter does not parse (the search reports that).
 */
export function filterLiterals(filter: string): string[] | undefined {
  let tree: Node;
  try {
    tree = parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterError) return undefined;
    throw error;
  }
  const literals = required(tree);
  return literals && literals.length <= MAX_ALTERNATIVES ? literals : undefined;
}
