import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { linkClass, PageHeader } from '../components/ui/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section>
      <PageHeader title={t('notFound.title')} />
      <p className="text-sm text-muted">
        {t('notFound.nothing')} <code className="rounded bg-surface-2 px-1 text-fg">{pathname}</code>.{' '}
        <Link className={linkClass} to="/">
          {t('notFound.back')}
        </Link>
      </p>
    </section>
  );
}
