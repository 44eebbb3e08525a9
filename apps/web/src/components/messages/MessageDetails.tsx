import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecodedData, Message } from '@tributary/contract';
import { Button } from '../ui/Button.tsx';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { bytesOf, HexView } from '../ui/HexView.tsx';
import { JsonView } from '../ui/JsonView.tsx';
import { Timestamp } from '../ui/Timestamp.tsx';
import { CopyButton } from './CopyButton.tsx';
import { FormatBadge } from './DataText.tsx';

export interface MessageDetailsProps {
  message: Message;
  /** Fetches the message again without cutting its value; the button shows only when a value was cut. */
  loadWhole?: () => Promise<Message>;
  /** This message's own address, for "Copy link". */
  link?: string;
}

/** The body of an expanded message row: value, key, headers and metadata, with copy buttons. Reused by the Live tab. */
export function MessageDetails({ message, loadWhole, link }: MessageDetailsProps) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState<Message | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const shown = whole ?? message;
  const cut = shown.value?.truncated || shown.key?.truncated;
  return (
    <div
      className="space-y-3 bg-surface-2 px-4 py-3 text-sm"
      aria-label={t('messages.detailsOf', { id: `${message.partition}:${message.offset}` })}
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs text-muted sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt>{t('topic.partition')}</dt>
        <dd className="font-mono text-fg">{message.partition}</dd>
        <dt>{t('messages.offset')}</dt>
        <dd className="font-mono text-fg">{formatNumber(message.offset)}</dd>
        <dt>{t('messages.timestamp')}</dt>
        <dd className="font-mono text-fg">
          <Timestamp ms={message.timestamp} /> ({message.timestampType})
        </dd>
        <dt>{t('messages.sizes')}</dt>
        <dd className="text-fg">
          {t('messages.sizesText', {
            key: formatBytes(message.sizes.key),
            value: formatBytes(message.sizes.value),
            headers: formatBytes(message.sizes.headers),
          })}
        </dd>
      </dl>
      <Block
        title={t('messages.value')}
        kind="value"
        data={shown.value}
        nullLabel={t('messages.nullValue')}
      />
      {cut && loadWhole && (
        <Button
          size="sm"
          variant="primary"
          busy={loading}
          busyLabel={t('common.loading')}
          onClick={() => {
            setLoading(true);
            loadWhole()
              .then(setWhole, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setLoading(false));
          }}
        >
          {t('messages.loadWhole', { size: formatBytes(shown.value?.size ?? 0) })}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
      <Block title={t('messages.key')} kind="key" data={shown.key} nullLabel={t('messages.nullKey')} />
      <section>
        <h4 className="mb-1 text-xs font-semibold uppercase">
          {t('messages.headers', { count: shown.headers.length })}
        </h4>
        {shown.headers.length === 0 ? (
          <p className="text-xs text-muted">{t('messages.noHeaders')}</p>
        ) : (
          <table className="text-xs">
            <tbody>
              {shown.headers.map((h, i) => (
                <tr key={i}>
                  <th className="pr-3 text-left font-mono font-medium">{h.key}</th>
                  <td className="font-mono break-all">
                    {h.value === null ? <i className="text-muted">null</i> : h.value.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="flex flex-wrap gap-2">
        <CopyButton
          label={t('messages.copyJson')}
          caption={t('messages.copyJson')}
          text={JSON.stringify(shown, null, 2)}
        />
        {link && (
          <CopyButton
            label={t('messages.copyLink')}
            caption={t('messages.copyLink')}
            text={new URL(link, window.location.origin).href}
          />
        )}
      </div>
    </div>
  );
}

function Block({
  title,
  kind,
  data,
  nullLabel,
}: {
  title: string;
  kind: 'key' | 'value';
  data: DecodedData;
  nullLabel: string;
}) {
  const { t } = useTranslation();
  const bytes =
    data && (data.format === 'hex' || data.format === 'base64') ? bytesOf(data.text, data.format) : null;
  return (
    <section>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <h4 className="text-xs font-semibold uppercase">{title}</h4>
        <FormatBadge data={data} />
        {data && (
          <CopyButton
            label={t(kind === 'key' ? 'messages.copyKey' : 'messages.copyValue')}
            text={data.text}
          />
        )}
        {data?.truncated && (
          <span className="text-xs text-warn">
            {t('messages.cut', { shown: formatBytes(data.text.length), size: formatBytes(data.size) })}
          </span>
        )}
      </div>
      {data?.error && <p className="mb-1 text-xs text-warn">{data.error}</p>}
      {data === null ? (
        <p className="text-xs text-muted italic">{nullLabel}</p>
      ) : (data.format === 'json' || data.schema) && !data.truncated ? (
        <JsonView text={data.text} label={t('messages.jsonOf', { what: title })} />
      ) : bytes ? (
        <HexView bytes={bytes} label={t('messages.hexOf', { what: title })} />
      ) : (
        <pre className="max-h-96 overflow-auto rounded border border-line bg-surface p-2 font-mono text-xs break-all whitespace-pre-wrap">
          {data.text === '' ? t('messages.empty') : data.text}
        </pre>
      )}
    </section>
  );
}
