import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendRequest } from '../../api/request-reply.ts';
import { ErrorBanner, Notice } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextArea, TextField } from '../../components/ui/Field.tsx';
import { Card, Section } from '../../components/ui/Page.tsx';
import { RespondersPanel } from '../../components/messages/RespondersPanel.tsx';

/** The request/reply tester: send one request, wait on the reply topic, show each reply with its time. */
export function RequestTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const send = useSendRequest(cluster, topic);
  const [value, setValue] = useState('');
  const [key, setKey] = useState('');
  const [replyTopic, setReplyTopic] = useState('');
  const [timeoutMs, setTimeoutMs] = useState('5000');
  const [maxReplies, setMaxReplies] = useState('1');

  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate({
      value,
      ...(key ? { key } : {}),
      replyTopic: replyTopic.trim(),
      timeoutMs: Number(timeoutMs),
      maxReplies: Number(maxReplies),
    });
  }

  const result = send.data;
  return (
    <div className="max-w-4xl">
      <Card className="mb-6">
        <form onSubmit={submit} aria-label={t('requestReply.title')}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextArea
              className="sm:col-span-2"
              label={t('requestReply.value')}
              rows={3}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
            <TextField label={t('requestReply.key')} value={key} onChange={(e) => setKey(e.target.value)} />
            <TextField
              label={t('requestReply.replyTopic')}
              value={replyTopic}
              onChange={(e) => setReplyTopic(e.target.value)}
              inputClassName="font-mono"
              required
            />
            <TextField
              label={t('requestReply.timeoutMs')}
              type="number"
              min={1}
              value={timeoutMs}
              onChange={(e) => setTimeoutMs(e.target.value)}
            />
            <TextField
              label={t('requestReply.maxReplies')}
              type="number"
              min={1}
              value={maxReplies}
              onChange={(e) => setMaxReplies(e.target.value)}
            />
          </div>
          <ErrorBanner error={send.error} />
          <div className="mt-3">
            <Button
              type="submit"
              variant="primary"
              busy={send.isPending}
              busyLabel={t('requestReply.waiting')}
            >
              {t('requestReply.send')}
            </Button>
          </div>
        </form>
      </Card>
      {result && (
        <Section title={t('requestReply.replies')}>
          <p className="mb-2 text-sm text-muted">
            {t('requestReply.sent', {
              partition: result.request.partition,
              offset: result.request.offset,
              id: result.request.correlationId,
            })}
          </p>
          {result.timedOut && <Notice tone="warn">{result.timedOut}</Notice>}
          <ul aria-label={t('requestReply.replies')} className="space-y-2">
            {result.replies.map((r) => (
              <li
                key={`${r.message.partition}-${r.message.offset}`}
                className="rounded border border-line bg-surface p-2 text-sm"
              >
                <span className="mr-2 font-medium">{t('requestReply.elapsed', { ms: r.elapsedMs })}</span>
                <span className="font-mono">{r.message.value?.text ?? 'null'}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <RespondersPanel cluster={cluster} topic={topic} />
    </div>
  );
}
