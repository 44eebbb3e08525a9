import { useTranslation } from 'react-i18next';
import type { AclResourceType } from '@tributary/contract';
import { useAcls } from '../../api/security.ts';
import { ApiError } from '../../api/client.ts';
import { Notice } from '../ui/Alert.tsx';
import { AclTable } from './AclTable.tsx';

/** The ACLs that apply to one topic or group (literal, `*` and matching prefixes: MATCH). */
export function AclsOn({
  cluster,
  resourceType,
  resourceName,
}: {
  cluster: string;
  resourceType: AclResourceType;
  resourceName: string;
}) {
  const { t } = useTranslation();
  const acls = useAcls(cluster, { resourceType, resourceName, patternType: 'MATCH' });
  // No authorizer: the server's sentence, as a note rather than an error.
  if (acls.error instanceof ApiError && acls.error.status === 409)
    return <Notice>{acls.error.message}</Notice>;
  return (
    <AclTable
      cluster={cluster}
      label={t('security.aclsOn', { name: resourceName })}
      acls={acls.data?.acls}
      loading={acls.isLoading}
      error={acls.error}
      empty={t('security.noAclsOn', { name: resourceName })}
    />
  );
}
