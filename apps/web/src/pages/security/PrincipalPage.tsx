import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAcls } from '../../api/security.ts';
import { ApiError } from '../../api/client.ts';
import { AclTable } from '../../components/security/AclTable.tsx';
import { Notice } from '../../components/ui/Alert.tsx';
import { linkClass, PageHeader } from '../../components/ui/Page.tsx';

/** Everything one principal may (or may not) do: its ACLs, and those of every principal (`User:*`). */
export function PrincipalPage() {
  const { t } = useTranslation();
  const { cluster = '', principal = '' } = useParams();
  const own = useAcls(cluster, { principal });
  const everyone = useAcls(cluster, { principal: 'User:*' }, principal !== 'User:*');
  const noAuthorizer = own.error instanceof ApiError && own.error.status === 409;
  return (
    <section>
      <PageHeader
        title={principal}
        subtitle={
          <Link className={linkClass} to={`/clusters/${encodeURIComponent(cluster)}/security/acls`}>
            {t('security.allAcls')}
          </Link>
        }
      />
      {noAuthorizer ? (
        <Notice>{own.error?.message}</Notice>
      ) : (
        <>
          <AclTable
            cluster={cluster}
            label={t('security.aclsOf', { principal })}
            acls={own.data?.acls}
            loading={own.isLoading}
            error={own.error}
            empty={t('security.noAclsOf', { principal })}
          />
          {principal !== 'User:*' && !!everyone.data?.acls.length && (
            <div className="mt-4">
              <h2 className="mb-2 text-lg font-semibold">{t('security.everyone')}</h2>
              <AclTable
                cluster={cluster}
                label={t('security.everyone')}
                acls={everyone.data.acls}
                loading={false}
                error={everyone.error}
                empty=""
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
