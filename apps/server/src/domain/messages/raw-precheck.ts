// A search's cheap first look: test a record's raw bytes with Buffer.indexOf before decoding it (JSON
// pretty-printing is most of a search's cost). It may only skip work, never a match, so it answers
// "cannot match" only where the shown text is provably made of the same bytes; otherwise it says "decode".
import type { DataFormat } from '@tributary/contract';
import type { FetchedRecord } from '../../kafka/partition-reader.ts';

export interface PrecheckQuery {
  q?: string | undefined;
  caseSensitive?: boolean | undefined;
  filter?: string | undefined;
  keyFormat?: DataFormat | undefined;
  valueFormat?: DataFormat | undefined;
}

const BACKSLASH = 0x5c;
// Letters and underscore only: pretty-printed JSON can add whitespace, punctuation and digits (numbers are
// re-written: 1e21 → "1e+21", 1e400 → "null"), but never letters outside \u escapes, "e" and "null".
const WORDISH = /^[\p{L}_]+$/u;
const HEX_DIGITS = /^[0-9a-f]+$/; // could be part of a binary field shown as hex (auto)
const ASCII_WORD = /^[A-Za-z_]+$/;
// Bytes a case-insensitive look cannot judge: non-ASCII (Unicode lower-casing can yield ASCII, e.g. the
// Kelvin sign gives "k") and the backslash of a JSON escape.
const UNSURE_LATIN1 = /[\\\u0080-\u00ff]/;

/**
 * A "may this record match?" test on raw bytes, or undefined when the query needs every record decoded:
 * a filter expression, a needle a display transform could create (digits, punctuation, hex digits, parts
 * of "null"), a case-insensitive needle beyond ASCII letters, or a key/value shown as hex or base64.
 */
export function rawPrecheck(query: PrecheckQuery): ((record: FetchedRecord) => boolean) | undefined {
  const q = query.q;
  if (!q || query.filter?.trim()) return undefined;
  const sensitive = query.caseSensitive ?? false;
  const word = sensitive ? q : q.toLowerCase();
  if (!(sensitive ? WORDISH : ASCII_WORD).test(q)) return undefined;
  if (HEX_DIGITS.test(word) || 'null'.includes(word) || word === 'e') return undefined;
  const shownAsBytes = (format: DataFormat | undefined) =>
    format === undefined || format === 'auto' || format === 'json' || format === 'string';
  if (!shownAsBytes(query.keyFormat) || !shownAsBytes(query.valueFormat)) return undefined;
  const needle = Buffer.from(q, 'utf8');
  // A field may match when its bytes hold the needle, or when it has a JSON escape (\u0041 shows as "A").
  const may = sensitive
    ? (bytes: Buffer | null) =>
        bytes !== null && (bytes.indexOf(needle) !== -1 || bytes.indexOf(BACKSLASH) !== -1)
    : (bytes: Buffer | null) => {
        if (bytes === null) return false;
        const text = bytes.toString('latin1');
        return UNSURE_LATIN1.test(text) || text.toLowerCase().includes(word);
      };
  // The Confluent wire format (magic byte 0, a schema id) may decode to JSON with field and enum names
  // that are not in its bytes: such a key or value is always decoded.
  const wire = (bytes: Buffer | null) => bytes !== null && bytes.length >= 5 && bytes[0] === 0;
  return (record) =>
    wire(record.value) ||
    wire(record.key) ||
    may(record.value) ||
    may(record.key) ||
    record.headers.some((h) => may(h.value));
}
