// A search's cheap first look: test a record's raw bytes with Buffer.indexOf before decoding it (JSON
// pretty-printing is most of a search's cost). It may only skip work, never a match, so it answers
// "cannot match" only where the shown text is provably made of the same bytes; otherwise it says "decode".
import type { DataFormat } from '@tributary/contract';
import type { FetchedRecord } from '../../kafka/partition-reader.ts';
import { someField, type BatchTest, type FieldTest } from '../../kafka/record-batches.ts';
import { filterLiterals } from './filter-literals.ts';

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

interface Needle {
  sensitive: boolean;
  /**
   * Any of these, as UTF-8 bytes (case-sensitive), or the one lower-cased ASCII word (case-insensitive): a
   * record can match only when its key, value or a header value holds one of them (or an escape).
   */
  bytes: Buffer[];
  words: string[];
}

const shownAsBytes = (format: DataFormat | undefined) =>
  format === undefined || format === 'auto' || format === 'json' || format === 'string';

/** What a match needs in the bytes; undefined when records must be decoded to tell. */
function needleOf(query: PrecheckQuery): Needle | undefined {
  if (!shownAsBytes(query.keyFormat) || !shownAsBytes(query.valueFormat)) return undefined;
  const needle = wordNeedle(query);
  if (needle || !query.filter?.trim()) return needle;
  const literals = filterLiterals(query.filter);
  if (!literals) return undefined;
  return { sensitive: true, words: literals, bytes: literals.map((l) => Buffer.from(l, 'utf8')) };
}

/** The search word when its match can be judged on raw bytes (a filter too must match: the word suffices). */
function wordNeedle(query: PrecheckQuery): Needle | undefined {
  const q = query.q;
  if (!q) return undefined;
  const sensitive = query.caseSensitive ?? false;
  const word = sensitive ? q : q.toLowerCase();
  if (!(sensitive ? WORDISH : ASCII_WORD).test(q)) return undefined;
  if (HEX_DIGITS.test(word) || 'null'.includes(word) || word === 'e') return undefined;
  return { sensitive, words: [word], bytes: [Buffer.from(word, 'utf8')] };
}

// The Confluent wire format (magic byte 0, a schema id) may decode to JSON with field and enum names
// that are not in its bytes: such a key or value is always decoded.
const wire = (bytes: Buffer | null) => bytes !== null && bytes.length >= 5 && bytes[0] === 0;

export type RecordTest = (record: FetchedRecord) => boolean;

/**
 * Two "may this match?" tests on raw bytes, from one parse of the query: `record` tests one record, `batch`
 * a whole record batch (its decompressed records, before any is decoded). Undefined when the query needs
 * every record decoded: a needle a display transform could create (digits, punctuation, hex digits, parts
 * of "null"), a case-insensitive needle beyond ASCII letters, a filter expression without a text it needs
 * (see filterLiterals), or a key/value shown as hex or base64.
 */
export function rawPrechecks(query: PrecheckQuery): { record: RecordTest; batch: BatchTest } | undefined {
  const needle = needleOf(query);
  return needle && { record: recordTest(needle), batch: batchTest(needle) };
}

function recordTest(needle: Needle): RecordTest {
  const [word] = needle.words as [string];
  // A field may match when its bytes hold the needle, or when it has a JSON escape (\u0041 shows as "A").
  const may = needle.sensitive
    ? (bytes: Buffer | null) =>
        bytes !== null &&
        (needle.bytes.some((b) => bytes.indexOf(b) !== -1) || bytes.indexOf(BACKSLASH) !== -1)
    : (bytes: Buffer | null) => {
        if (bytes === null) return false;
        const text = bytes.toString('latin1');
        return UNSURE_LATIN1.test(text) || text.toLowerCase().includes(word);
      };
  return (record) =>
    wire(record.value) ||
    wire(record.key) ||
    may(record.value) ||
    may(record.key) ||
    record.headers.some((h) => may(h.value));
}

const lower = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte);

/** Whether ASCII `bytes` hold the lower-case ASCII `word` in any case: native searches for the case
 * variants of its first two letters (four searches; three letters made eight, twice the time), each hit
 * confirmed byte by byte. */
function includesIgnoringCase(bytes: Buffer, word: Buffer): boolean {
  const prefix = Math.min(2, word.length);
  let variants = [''];
  for (const char of word.subarray(0, prefix).toString('latin1'))
    variants = variants.flatMap((v) => [...new Set([v + char, v + char.toUpperCase()])]);
  for (const variant of variants) {
    const start = Buffer.from(variant, 'latin1');
    for (let at = bytes.indexOf(start); at !== -1; at = bytes.indexOf(start, at + 1)) {
      if (at + word.length > bytes.length) break;
      let same = true;
      for (let i = prefix; i < word.length && same; i++) same = lower(bytes[at + i]!) === word[i];
      if (same) return true;
    }
  }
  return false;
}

/**
 * The only characters beyond ASCII whose lower case holds an ASCII letter (checked over all of Unicode):
 * İ (U+0130) → "i̇" and the Kelvin sign (U+212A) → "k". Any other byte beyond ASCII cannot make an ASCII
 * needle match case-insensitively, so only these need a look, and only when the needle has that letter.
 */
const CASE_FOLDS_TO_ASCII: [string, Buffer][] = [
  ['i', Buffer.from('\u0130')],
  ['k', Buffer.from('\u212A')],
];

/**
 * A batch may match when its bytes hold the needle (in any case, case-insensitively), a backslash (a JSON
 * escape), case-insensitively İ or the Kelvin sign (see CASE_FOLDS_TO_ASCII), or a key or value in the wire
 * format; only then are its records decoded and tested one by one.
 */
function batchTest(needle: Needle): BatchTest {
  const [word, bytes] = [needle.words[0]!, needle.bytes[0]!];
  const folds = needle.sensitive
    ? []
    : CASE_FOLDS_TO_ASCII.filter(([letter]) => word.includes(letter)).map(([, fold]) => fold);
  const holdsNeedle = needle.sensitive
    ? (records: Buffer) => needle.bytes.some((b) => records.indexOf(b) !== -1)
    : (records: Buffer) =>
        includesIgnoringCase(records, bytes) || folds.some((fold) => records.indexOf(fold) !== -1);
  return (records) => {
    if (holdsNeedle(records)) return true;
    // The batch's own bytes (lengths, deltas) are no text: backslashes count in fields only. The next
    // backslash is found natively and compared with each field's range.
    let backslash = records.indexOf(BACKSLASH);
    if (backslash === -1) backslash = Infinity;
    const unsure: FieldTest = (body, start, length, kind) => {
      if (length < 0) return false;
      if (kind !== 'header' && length >= 5 && body[start] === 0) return true; // the wire format
      if (backslash < start) {
        backslash = body.indexOf(BACKSLASH, start);
        if (backslash === -1) backslash = Infinity;
      }
      return backslash < start + length;
    };
    return someField(records, unsure);
  };
}
