import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template, TemplateInput } from '@tributary/contract';
import { useDeleteTemplate, useSaveTemplate, useTemplates } from '../../api/templates.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Select, TextField } from '../ui/Field.tsx';
import { Toolbar } from '../ui/Page.tsx';

/**
 * Saved messages of the cluster: pick one to fill the produce form, save the form under a name, delete the
 * picked one. `current` is the form as a template (without its name).
 */
export function TemplateBar({
  cluster,
  current,
  onPick,
}: {
  cluster: string;
  current: () => Omit<TemplateInput, 'name'>;
  onPick: (template: Template) => void;
}) {
  const { t } = useTranslation();
  const templates = useTemplates(cluster);
  const save = useSaveTemplate(cluster);
  const remove = useDeleteTemplate(cluster);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const list = templates.data?.templates ?? [];
  return (
    <div className="space-y-2">
      <Toolbar>
        <Select
          label={t('produce.template')}
          value={picked}
          onChange={(e) => {
            setPicked(e.target.value);
            const template = list.find((x) => x.id === e.target.value);
            if (template) {
              setName(template.name);
              onPick(template);
            }
          }}
        >
          <option value="">{list.length ? t('produce.templatePick') : t('produce.templateNone')}</option>
          {list.map((x) => (
            <option key={x.id} value={x.id}>
              {t('produce.templateOption', { name: x.name, topic: x.topic })}
            </option>
          ))}
        </Select>
        {picked && (
          <Button
            size="sm"
            variant="ghost"
            busy={remove.isPending}
            onClick={() => remove.mutate(picked, { onSuccess: () => setPicked('') })}
          >
            {t('produce.templateDelete')}
          </Button>
        )}
        <TextField label={t('produce.templateName')} value={name} onChange={(e) => setName(e.target.value)} />
        <Button
          size="sm"
          disabled={!name.trim()}
          busy={save.isPending}
          onClick={() =>
            save.mutate({ ...current(), name: name.trim() }, { onSuccess: (x) => setPicked(x.id) })
          }
        >
          {t('produce.templateSave')}
        </Button>
        {save.isSuccess && (
          <p role="status" className="pb-1 text-sm text-ok">
            {t('produce.templateSaved', { name: save.data.name })}
          </p>
        )}
      </Toolbar>
      <ErrorBanner error={templates.error ?? save.error ?? remove.error} />
    </div>
  );
}
