import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponderInput } from '@tributary/contract';
import { useResponders, useStartResponder, useStopResponder } from '../../api/request-reply.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Select, TextField } from '../ui/Field.tsx';
import { Muted, Section, Toolbar } from '../ui/Page.tsx';

/** The server-side responders answering this topic: start one for a demo, see its count, stop it. */
export function RespondersPanel({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const list = useResponders(cluster);
  const start = useStartResponder(cluster);
  const stop = useStopResponder(cluster);
  const [mode, setMode] = useState<ResponderInput['mode']>('echo');
  const [template, setTemplate] = useState('got {{value}}');
  const mine = list.data?.responders.filter((r) => r.topic === topic) ?? [];
  return (
    <Section title={t('requestReply.responders')}>
      <ErrorBanner error={list.error ?? start.error ?? stop.error} />
      {mine.length === 0 ? (
        <Muted>{t('requestReply.noResponder')}</Muted>
      ) : (
        <ul className="mb-3 space-y-1 text-sm">
          {mine.map((r) => (
            <li key={r.id} className="flex items-center gap-2">
              <span>
                {t('requestReply.responderLine', { name: r.name, mode: r.mode, count: r.answered })}
              </span>
              <Button size="sm" variant="danger-outline" onClick={() => stop.mutate(r.id)}>
                {t('requestReply.stop', { name: r.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Toolbar className="mt-2">
        <Select
          label={t('requestReply.mode')}
          value={mode}
          onChange={(e) => setMode(e.target.value as ResponderInput['mode'])}
        >
          <option value="echo">{t('requestReply.modes.echo')}</option>
          <option value="uppercase">{t('requestReply.modes.uppercase')}</option>
          <option value="template">{t('requestReply.modes.template')}</option>
        </Select>
        {mode === 'template' && (
          <TextField
            label={t('requestReply.template')}
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
          />
        )}
        <Button
          busy={start.isPending}
          onClick={() =>
            start.mutate({
              name: `${mode} responder`,
              topic,
              mode,
              ...(mode === 'template' ? { template } : {}),
            })
          }
        >
          {t('requestReply.start')}
        </Button>
      </Toolbar>
    </Section>
  );
}
