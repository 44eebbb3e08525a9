import { plural } from './format.ts';

/** Previous / "Page p of n · N things" / Next, for lists paged on the server. */
export function Pager({
  page,
  pages,
  total,
  noun,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  noun: string;
  onPage: (page: number) => void;
}) {
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
      <button
        type="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40"
      >
        Previous
      </button>
      <span>
        Page {page} of {pages} · {plural(total, noun)}
      </span>
      <button
        type="button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40"
      >
        Next
      </button>
    </nav>
  );
}
