// `@tributary/contract/csv`: how a CSV upload types its columns in the JSON value, one copy for both sides
// (the page infers a type per column from the file's first rows; the server applies the chosen ones).

export const CSV_COLUMN_TYPES = ['string', 'number', 'boolean', 'json'] as const;
export type CsvColumnType = (typeof CSV_COLUMN_TYPES)[number];

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^-?(?:0|[1-9]\d*),\d+$/;

/**
 * The JSON number a CSV field holds, as text (so 20-digit ids keep every digit), or undefined. A decimal
 * comma (`3,5`, as French spreadsheets write it) reads as `3.5`. `007` is not a number: it is an id.
 */
export function numberLiteral(field: string): string | undefined {
  const text = field.trim();
  if (JSON_NUMBER.test(text)) return text;
  if (DECIMAL_COMMA.test(text)) return text.replace(',', '.');
  return undefined;
}

export function booleanLiteral(field: string): 'true' | 'false' | undefined {
  const text = field.trim().toLowerCase();
  return text === 'true' || text === 'false' ? text : undefined;
}

/** The type a column's sample values suggest: number or boolean when every non-empty one is, else string. */
export function inferColumnType(samples: readonly string[]): CsvColumnType {
  const filled = samples.filter((s) => s.trim() !== '');
  if (filled.length === 0) return 'string';
  if (filled.every((s) => numberLiteral(s) !== undefined)) return 'number';
  if (filled.every((s) => booleanLiteral(s) !== undefined)) return 'boolean';
  return 'string';
}

/** `grav:number,ok:boolean` → its map; a sentence for the first malformed entry. */
export function parseColumnTypes(spec: string): Map<string, CsvColumnType> | { error: string } {
  const types = new Map<string, CsvColumnType>();
  for (const entry of spec.split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.lastIndexOf(':');
    const name = entry.slice(0, at).trim();
    const type = entry.slice(at + 1).trim();
    if (at < 0 || name === '')
      return { error: `columnTypes entry "${entry.trim()}" is not column:type (e.g. grav:number).` };
    if (!(CSV_COLUMN_TYPES as readonly string[]).includes(type))
      return {
        error: `columnTypes: the type of column "${name}" is "${type}"; use one of ${CSV_COLUMN_TYPES.join(', ')}.`,
      };
    types.set(name, type as CsvColumnType);
  }
  return types;
}

export function formatColumnTypes(types: ReadonlyMap<string, CsvColumnType>): string {
  return [...types].map(([name, type]) => `${name}:${type}`).join(',');
}

/**
 * One field as JSON text of its column's type: an empty field of a typed column is `null`; a field that is
 * not of its type is a sentence instead.
 */
export function typedField(field: string, type: CsvColumnType): { json: string } | { error: string } {
  if (type === 'string') return { json: JSON.stringify(field) };
  if (field.trim() === '') return { json: 'null' };
  if (type === 'number') {
    const n = numberLiteral(field);
    return n === undefined ? { error: `"${field}" is not a number` } : { json: n };
  }
  if (type === 'boolean') {
    const b = booleanLiteral(field);
    return b === undefined ? { error: `"${field}" is not true or false` } : { json: b };
  }
  try {
    return { json: JSON.stringify(JSON.parse(field) as unknown) };
  } catch {
    return { error: `"${field.length > 40 ? field.slice(0, 40) + '…' : field}" is not JSON` };
  }
}
