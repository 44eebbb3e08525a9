import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSubject } from '../../api/schemas.ts';
import { Badge } from '../ui/Badge.tsx';
import { linkClass, Section } from '../ui/Page.tsx';

/**
 * The topic's key and value subjects by Confluent's default TopicNameStrategy (`<topic>-key`,
 * `<topic>-value`). Shown only when the registry has one of them; a cluster without a registry shows none.
 */
export function TopicSubjects({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const key = useSubject(cluster, `${topic}-key`);
  const value = useSubject(cluster, `${topic}-value`);
  const found = [
    { role: t('topic.keySubject'), detail: key.data },
    { role: t('topic.valueSubject'), detail: value.data },
  ].filter((s) => s.detail !== undefined);
  if (found.length === 0) return null;
  return (
    <Section title={t('topic.subjects')}>
      <ul className="space-y-1 text-sm">
        {found.map(({ role, detail }) => (
          <li key={role} className="flex items-center gap-2">
            <span className="w-12 text-muted">{role}</span>
            <Link
              className={`${linkClass} font-mono`}
              to={`/clusters/${encodeURIComponent(cluster)}/schemas/${encodeURIComponent(detail!.subject)}`}
            >
              {detail!.subject}
            </Link>
            <Badge>{detail!.latest.type}</Badge>
            <span className="text-muted">
              {t('schemas.latest', { version: detail!.latest.version, id: detail!.latest.id })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
