import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Acl, AclQuery } from '@tributary/contract';
import { useDeleteAcls } from '../../api/security.ts';
import { useMay } from '../../api/auth.ts';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { linkClass } from '../ui/Page.tsx';

export const aclKey = (a: Acl) =>
  [a.principal, a.host, a.resourceType, a.resourceName, a.patternType, a.operation, a.permissionType].join(
    '|',
  );

/** The exact filter of one binding: deleting with it removes that binding only. */
export const filterOf = (a: Acl): AclQuery => ({ ...a });

export const principalPath = (cluster: string, principal: string) =>
  `/clusters/${encodeURIComponent(cluster)}/security/principals/${encodeURIComponent(principal)}`;

/** A compact list of bindings, e.g. a wizard's preview or what a delete would remove. */
export function AclLines({ acls }: { acls: Acl[] }) {
  return (
    <ul className="my-2 space-y-0.5 font-mono text-xs" aria-label="ACLs">
      {acls.map((a) => (
        <li key={aclKey(a)}>
          {a.permissionType} {a.principal} {a.operation} {a.resourceType}:{a.resourceName}
          {a.patternType === 'PREFIXED' ? '*' : ''} ({a.patternType}, host {a.host})
        </li>
      ))}
    </ul>
  );
}

/** ACLs in a table; admins get a Delete button per binding that previews what goes before deleting. */
export function AclTable({
  cluster,
  acls,
  loading,
  error,
  empty,
  label,
}: {
  cluster: string;
  acls: Acl[] | undefined;
  loading: boolean;
  error: unknown;
  empty: string;
  label: string;
}) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const remove = useDeleteAcls(cluster);
  const [deleting, setDeleting] = useState<{ acl: Acl; preview: Acl[] | undefined }>();

  const ask = (acl: Acl) => {
    setDeleting({ acl, preview: undefined });
    remove.reset();
    remove.mutate(
      { filter: filterOf(acl), dryRun: true },
      { onSuccess: (change) => setDeleting({ acl, preview: change.acls }) },
    );
  };

  const columns: Column<Acl>[] = [
    {
      key: 'principal',
      header: t('security.principal'),
      className: 'font-mono text-xs',
      cell: (a) => (
        <Link className={linkClass} to={principalPath(cluster, a.principal)}>
          {a.principal}
        </Link>
      ),
    },
    {
      key: 'resource',
      header: t('security.resource'),
      className: 'font-mono text-xs',
      cell: (a) => `${a.resourceType}:${a.resourceName}`,
    },
    { key: 'pattern', header: t('security.patternType'), cell: (a) => a.patternType },
    { key: 'operation', header: t('security.operation'), cell: (a) => a.operation },
    {
      key: 'permission',
      header: t('security.permission'),
      cell: (a) => <Badge tone={a.permissionType === 'ALLOW' ? 'ok' : 'danger'}>{a.permissionType}</Badge>,
    },
    { key: 'host', header: t('security.host'), className: 'font-mono text-xs', cell: (a) => a.host },
  ];
  if (may('admin'))
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (a) => (
        <Button
          size="sm"
          variant="danger-outline"
          aria-label={t('security.deleteAclOf', {
            what: `${a.operation} ${a.resourceType}:${a.resourceName}`,
          })}
          onClick={() => ask(a)}
        >
          {t('security.delete')}
        </Button>
      ),
    });

  return (
    <>
      <DataTable
        label={label}
        dense
        columns={columns}
        rows={acls}
        rowKey={aclKey}
        loading={loading}
        error={error}
        empty={empty}
      />
      {deleting && (
        <ConfirmDialog
          title={t('security.deleteAclTitle')}
          confirmLabel={t('security.deleteAcls', { count: deleting.preview?.length ?? 0 })}
          danger
          confirmDisabled={!deleting.preview?.length}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() =>
            remove.mutate(
              { filter: filterOf(deleting.acl), dryRun: false },
              { onSuccess: () => setDeleting(undefined) },
            )
          }
        >
          <p>{t('security.deleteAclPreview')}</p>
          {deleting.preview ? <AclLines acls={deleting.preview} /> : <p>{t('common.loading')}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
