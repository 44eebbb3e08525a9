import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScramMechanism, ScramUser } from '@tributary/contract';
import { useMay } from '../../api/auth.ts';
import { useDeleteScramUser, useSaveScramUser, useScramUsers } from '../../api/security.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { Select, TextField } from '../../components/ui/Field.tsx';
import { Card } from '../../components/ui/Page.tsx';

/** SCRAM users: names and mechanisms (Kafka never gives a password back); admins add, reset and delete. */
export function UsersTab({ cluster }: { cluster: string }) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const users = useScramUsers(cluster);
  const save = useSaveScramUser(cluster);
  const remove = useDeleteScramUser(cluster);
  const [form, setForm] = useState({ name: '', mechanism: 'SCRAM-SHA-256' as ScramMechanism, password: '' });
  const [deleting, setDeleting] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The password leaves the form with the request and is not kept in the page.
    save.mutate(form, { onSuccess: () => setForm((f) => ({ ...f, name: '', password: '' })) });
  };

  const columns: Column<ScramUser>[] = [
    { key: 'name', header: t('security.userName'), className: 'font-mono text-xs', cell: (u) => u.name },
    {
      key: 'mechanisms',
      header: t('security.mechanisms'),
      cell: (u) => u.mechanisms.map((m) => `${m.mechanism} (${m.iterations})`).join(', '),
    },
  ];
  if (may('admin'))
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (u) => (
        <Button
          size="sm"
          variant="danger-outline"
          aria-label={t('security.deleteUserNamed', { name: u.name })}
          onClick={() => setDeleting(u.name)}
        >
          {t('security.delete')}
        </Button>
      ),
    });

  return (
    <>
      {may('admin') && (
        <Card as="section" aria-label={t('security.addUser')} className="mb-4">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              label={t('security.userName')}
              value={form.name}
              required
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            <Select
              label={t('security.mechanism')}
              value={form.mechanism}
              onChange={(e) => setForm({ ...form, mechanism: e.target.value as ScramMechanism })}
            >
              <option>SCRAM-SHA-256</option>
              <option>SCRAM-SHA-512</option>
            </Select>
            <TextField
              label={t('security.password')}
              type="password"
              autoComplete="new-password"
              value={form.password}
              required
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            <Button type="submit" variant="primary" busy={save.isPending}>
              {t('security.saveUser')}
            </Button>
          </form>
          <p className="mt-2 text-xs text-muted">{t('security.userHelp')}</p>
          <ErrorBanner error={save.error} />
        </Card>
      )}
      <DataTable
        label={t('security.tab.users')}
        dense
        columns={columns}
        rows={users.data}
        rowKey={(u) => u.name}
        loading={users.isLoading}
        error={users.error}
        empty={t('security.noUsers')}
      />
      {deleting && (
        <ConfirmDialog
          title={t('security.deleteUserTitle')}
          confirmLabel={t('security.deleteUser')}
          danger
          typeToConfirm={deleting}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => remove.mutate({ name: deleting }, { onSuccess: () => setDeleting(undefined) })}
        >
          {t('security.deleteUserText', { name: deleting })}
        </ConfirmDialog>
      )}
    </>
  );
}
