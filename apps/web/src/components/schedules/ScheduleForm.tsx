import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCreateSchedule } from '../../api/schedules.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Select, TextArea, TextField } from '../ui/Field.tsx';
import { Card } from '../ui/Page.tsx';
import { emptyForm, toScheduleInput, type ScheduleFormState } from './scheduleForm.ts';

/** New schedule: what to send, where, and when. A field the server refuses shows its reason under it. */
export function ScheduleForm({ cluster, onDone }: { cluster: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSchedule(cluster);
  const [form, setForm] = useState<ScheduleFormState>(emptyForm());
  const set =
    <K extends keyof ScheduleFormState>(key: K) =>
    (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [key]: e.target.value as ScheduleFormState[K] }));
  const refused = create.error instanceof ApiError ? create.error.fields : [];
  const errorOf = (...names: string[]) =>
    refused.find((f) => names.some((n) => f.name === n || f.name.startsWith(`${n}.`)))?.errors.join(' ');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(toScheduleInput(form), { onSuccess: onDone });
  }

  return (
    <Card className="mb-6 max-w-3xl">
      <form onSubmit={submit} aria-label={t('schedules.new')}>
        <h2 className="mb-3 text-lg font-semibold">{t('schedules.new')}</h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label={t('schedules.name')}
            value={form.name}
            onChange={set('name')}
            autoFocus
            required
          />
          <TextField
            label={t('schedules.topic')}
            value={form.topic}
            onChange={set('topic')}
            inputClassName="font-mono"
            required
          />
          <TextField
            label={t('schedules.key')}
            value={form.key}
            onChange={set('key')}
            error={errorOf('key')}
            inputClassName="font-mono"
          />
          <TextField
            label={t('schedules.partition')}
            type="number"
            min={0}
            placeholder={t('schedules.anyPartition')}
            value={form.partition}
            onChange={set('partition')}
          />
          <TextArea
            className="sm:col-span-2"
            label={t('schedules.value')}
            help={t('schedules.templateHelp')}
            rows={3}
            value={form.value}
            onChange={set('value')}
            error={errorOf('value', 'values')}
          />
          <Select label={t('schedules.values')} value={form.mode} onChange={set('mode')}>
            <option value="one">{t('schedules.mode.one')}</option>
            <option value="in-turn">{t('schedules.mode.inTurn')}</option>
            <option value="random">{t('schedules.mode.random')}</option>
          </Select>
          <Select
            label={t('schedules.trigger')}
            value={form.kind}
            onChange={set('kind')}
            error={errorOf('trigger')}
          >
            <option value="every">{t('schedules.kind.every')}</option>
            <option value="at">{t('schedules.kind.at')}</option>
            <option value="cron">{t('schedules.kind.cron')}</option>
          </Select>
          {form.kind === 'every' && (
            <>
              <TextField
                label={t('schedules.every')}
                help={t('schedules.everyHelp')}
                value={form.every}
                onChange={set('every')}
                error={errorOf('trigger.every')}
              />
              <TextField
                label={t('schedules.count')}
                type="number"
                placeholder={t('schedules.noLimit')}
                value={form.count}
                onChange={set('count')}
                error={errorOf('trigger.count')}
              />
              <TextField
                label={t('schedules.until')}
                type="datetime-local"
                value={form.until}
                onChange={set('until')}
                error={errorOf('trigger.until')}
              />
            </>
          )}
          {form.kind === 'at' && (
            <TextField
              label={t('schedules.at')}
              type="datetime-local"
              step={1}
              value={form.at}
              onChange={set('at')}
              error={errorOf('trigger.at')}
              required
            />
          )}
          {form.kind === 'cron' && (
            <>
              <TextField
                label={t('schedules.cron')}
                help={t('schedules.cronHelp')}
                placeholder="0 10 * * 1-5"
                value={form.cron}
                onChange={set('cron')}
                error={errorOf('trigger.cron')}
                inputClassName="font-mono"
                required
              />
              <TextField
                label={t('schedules.timezone')}
                value={form.timezone}
                onChange={set('timezone')}
                error={errorOf('trigger.timezone')}
              />
            </>
          )}
        </div>
        <ErrorBanner error={create.error} />
        <div className="mt-3 flex gap-2">
          <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('schedules.creating')}>
            {t('schedules.create')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}
