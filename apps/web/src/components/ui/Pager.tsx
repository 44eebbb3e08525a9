import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/** Previous / "Page p of n · N things" / Next, for lists paged on the server. */
export function Pager({
  page,
  pages,
  summary,
  onPage,
}: {
  page: number;
  pages: number;
  /** "30 topics", already counted and translated. */
  summary: string;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('pager.label')} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span>{t('pager.summary', { page, pages, summary })}</span>
      <Button size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
