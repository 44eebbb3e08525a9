// A small streaming CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) and writer.

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  fields: string[];
}

/** Longer than any record Kafka takes by default: an unclosed quote would otherwise read a whole file into a field. */
export const CSV_MAX_FIELD = 16 << 20;

/** Rows from text chunks; memory holds one row at a time. An unclosed quote at the end is an error. */
export async function* csvRows(
  chunks: AsyncIterable<string>,
  delimiter: string,
  maxField = CSV_MAX_FIELD,
): AsyncGenerator<CsvRow> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  let empty = true;
  for await (const chunk of chunks) {
    if (field.length > maxField)
      throw new CsvError(
        rowLine,
        `a field longer than ${formatSize(maxField)} starts on line ${rowLine} (a quote that is never closed?)`,
      );
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === chunk.length) {
            // The next chunk decides whether this quote is doubled: peek by deferring.
            quoted = false;
            afterQuote = true;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (afterQuote && c === '"') {
        // A doubled quote split across two chunks.
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (c === delimiter) {
        fields.push(field);
        field = '';
        empty = false;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        if (!(empty && fields.length === 1 && fields[0] === '')) yield { line: rowLine, fields };
        fields = [];
        field = '';
        empty = true;
        line++;
        rowLine = line;
        pendingCr = c === '\r';
      } else if (c === '"' && field === '') {
        quoted = true;
        empty = false;
      } else {
        field += c;
        empty = false;
      }
    }
  }
  if (quoted) throw new CsvError(rowLine, `the quoted field that starts on line ${rowLine} is never closed`);
  if (!empty || field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: rowLine, fields };
  }
}

const formatSize = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n} characters`);

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The delimiter of a header line: the most frequent of comma, semicolon, tab and pipe. */
export function guessDelimiter(headerLine: string): string {
  const candidates = [',', ';', '\t', '|'];
  const counts = candidates.map((d) => headerLine.split(d).length);
  return candidates[counts.indexOf(Math.max(...counts))] ?? ',';
}

/** One CSV field, quoted when it has to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
