import { useRowT } from '../../i18n/index.ts';
import type { DecodedData } from '@tributary/contract';
import { Badge } from '../ui/Badge.tsx';

/** A key or value on one line for the table: null is shown as null, never as an empty string. */
export function DataPreview({ data, nullLabel = 'null' }: { data: DecodedData; nullLabel?: string }) {
  const t = useRowT();
  if (data === null)
    return <span className="rounded bg-surface-2 px-1 text-xs text-muted italic">{nullLabel}</span>;
  if (data.text === '') return <span className="text-xs text-muted italic">{t('messages.empty')}</span>;
  const oneLine = data.format === 'json' || data.schema ? compactJson(data.text) : data.text;
  return (
    <span
      className={data.format === 'hex' || data.format === 'base64' ? 'font-mono text-muted' : 'font-mono'}
    >
      {oneLine.slice(0, 300)}
    </span>
  );
}

function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The format used; for a record decoded with a registry schema, also its subject, version and id. */
export function FormatBadge({ data }: { data: DecodedData }) {
  const t = useRowT();
  if (data === null) return null;
  const { schema } = data;
  return (
    <>
      <Badge className="text-[10px] tracking-wide uppercase">{data.format}</Badge>
      {schema && (
        <span className="text-xs text-muted">
          {schema.subject
            ? t('messages.schemaOf', { subject: schema.subject, version: schema.version, id: schema.id })
            : t('messages.schemaId', { id: schema.id })}
        </span>
      )}
    </>
  );
}
