// A CSV row's Kafka value: one column's text, or a JSON object of the chosen columns, each of its type.
import type { UploadQuery } from '@tributary/contract';
import { parseColumnTypes, typedField, type CsvColumnType } from '@tributary/contract/csv';
import { badRequest } from '../errors.ts';

export type CsvValueWriter = (fields: readonly string[]) => { value: string } | { error: string };

/** Checks the query against the header (a 400 before anything is sent) and answers the row writer. */
export function csvValueWriter(
  header: readonly string[],
  valueIndexes: readonly number[],
  query: Pick<UploadQuery, 'valueMode' | 'columnTypes'>,
): CsvValueWriter {
  if (query.valueMode === 'single') {
    if (query.columnTypes)
      throw badRequest('columnTypes types the fields of a JSON object: use it with valueMode=object.');
    const index = valueIndexes[0]!;
    return (fields) => ({ value: fields[index] ?? '' });
  }
  const types = parseColumnTypes(query.columnTypes ?? '');
  if ('error' in types) throw badRequest(types.error);
  for (const name of types.keys())
    if (!header.includes(name))
      throw badRequest(
        `columnTypes names the column "${name}", which the CSV does not have. Its columns: ${header.join(', ')}.`,
      );
  const columns = valueIndexes.map((index) => ({
    index,
    name: header[index]!,
    type: types.get(header[index]!) ?? ('string' as CsvColumnType),
  }));
  return (fields) => {
    const parts: string[] = [];
    for (const column of columns) {
      const typed = typedField(fields[column.index] ?? '', column.type);
      if ('error' in typed) return { error: `column "${column.name}": ${typed.error}` };
      parts.push(`${JSON.stringify(column.name)}:${typed.json}`);
    }
    return { value: `{${parts.join(',')}}` };
  };
}
