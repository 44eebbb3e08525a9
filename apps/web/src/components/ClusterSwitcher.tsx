import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLesserRole, useMe } from '../api/auth.ts';

/** The clusters the person may see (from /api/auth/me: no probe of each), switching to the same section. */
export function ClusterSwitcher({ cluster, className }: { cluster: string | undefined; className: string }) {
  const { t } = useTranslation();
  const { data } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (!data || data.clusters.length < 2) return null;
  // topics, consumer-groups, brokers, connect: the same list on the other cluster (a topic may not be there).
  const section = cluster ? pathname.split('/')[3] : undefined;
  return (
    <select
      aria-label={t('layout.cluster')}
      className={className}
      value={cluster ?? ''}
      onChange={(e) =>
        navigate(`/clusters/${encodeURIComponent(e.target.value)}${section ? `/${section}` : ''}`)
      }
    >
      {cluster === undefined && <option value="">{t('layout.chooseCluster')}</option>}
      {data.clusters.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Says why actions are missing: the person's role on this cluster is less than admin. */
export function RoleNote({ cluster }: { cluster: string }) {
  const { t } = useTranslation();
  const lesser = useLesserRole(cluster);
  if (!lesser) return null;
  return (
    <p className="px-3 text-xs text-nav-fg">
      {lesser.role
        ? t('layout.roleNote', { user: lesser.username, role: t(`layout.role.${lesser.role}`) })
        : t('layout.noRole', { user: lesser.username })}
    </p>
  );
}
