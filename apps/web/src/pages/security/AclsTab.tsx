import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  ACL_FILTER_PATTERN_TYPES,
  ACL_RESOURCE_TYPES,
  type AclFilterPatternType,
  type AclQuery,
  type AclResourceType,
} from '@tributary/contract';
import { useMay } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useAcls } from '../../api/security.ts';
import { AclTable } from '../../components/security/AclTable.tsx';
import { AclWizard } from '../../components/security/AclWizard.tsx';
import { Notice } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Select, TextField } from '../../components/ui/Field.tsx';
import { Toolbar } from '../../components/ui/Page.tsx';

/** Every ACL of the cluster, filtered (the filter is the address), and the wizards for admins. */
export function AclsTab({ cluster }: { cluster: string }) {
  const { t } = useTranslation();
  const may = useMay(cluster);
  const [params, setParams] = useSearchParams();
  const [wizard, setWizard] = useState(false);
  const query: AclQuery = {
    ...(params.get('principal') ? { principal: params.get('principal')! } : {}),
    ...(params.get('resourceType') ? { resourceType: params.get('resourceType') as AclResourceType } : {}),
    ...(params.get('resourceName') ? { resourceName: params.get('resourceName')! } : {}),
    ...(params.get('patternType') ? { patternType: params.get('patternType') as AclFilterPatternType } : {}),
  };
  const acls = useAcls(cluster, query);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const noAuthorizer = acls.error instanceof ApiError && acls.error.status === 409;

  return (
    <>
      {may('admin') && !wizard && (
        <Button variant="primary" className="mb-3" onClick={() => setWizard(true)}>
          {t('security.newAcls')}
        </Button>
      )}
      {wizard && <AclWizard cluster={cluster} onDone={() => setWizard(false)} />}
      <Toolbar className="mb-3">
        <TextField
          label={t('security.principal')}
          placeholder="User:alice"
          defaultValue={query.principal ?? ''}
          onBlur={(e) => setFilter('principal', e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('principal', e.currentTarget.value.trim())}
        />
        <Select
          label={t('security.resourceType')}
          value={query.resourceType ?? ''}
          onChange={(e) => setFilter('resourceType', e.target.value)}
        >
          <option value="">{t('security.any')}</option>
          {ACL_RESOURCE_TYPES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </Select>
        <TextField
          label={t('security.resourceName')}
          defaultValue={query.resourceName ?? ''}
          onBlur={(e) => setFilter('resourceName', e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('resourceName', e.currentTarget.value.trim())}
        />
        <Select
          label={t('security.patternType')}
          value={query.patternType ?? ''}
          onChange={(e) => setFilter('patternType', e.target.value)}
        >
          <option value="">{t('security.any')}</option>
          {ACL_FILTER_PATTERN_TYPES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </Select>
      </Toolbar>
      {noAuthorizer ? (
        <Notice>{acls.error?.message}</Notice>
      ) : (
        <AclTable
          cluster={cluster}
          label={t('security.tab.acls')}
          acls={acls.data?.acls}
          loading={acls.isLoading}
          error={acls.error}
          empty={t('security.noAcls')}
        />
      )}
    </>
  );
}
