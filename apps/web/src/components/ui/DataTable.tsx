import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './Alert.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Makes the header a sort button; the key passed to onSort. */
  sortKey?: string;
  className?: string;
  /** Cell classes that depend on the row (e.g. a warning colour). */
  cellClass?: (row: T) => string;
  title?: (row: T) => string | undefined;
}

export interface SortState {
  key: string;
  order: 'asc' | 'desc';
}

/**
 * A table in a card: sticky header, sortable headers (`aria-sort`), numbers on the right, and loading,
 * error and empty states below the header. Wide tables scroll inside the card, never the page.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  rowClass,
  empty,
  loading,
  error,
  dense = false,
  maxHeight,
  className = '',
}: {
  label: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  sort?: SortState | undefined;
  onSort?: (key: string) => void;
  rowClass?: (row: T) => string;
  empty?: ReactNode;
  loading?: boolean;
  error?: unknown;
  dense?: boolean;
  /** e.g. "max-h-[70vh]": the body scrolls under the sticky header. */
  maxHeight?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const cell = dense ? 'px-3 py-1.5' : 'px-3 py-2';
  return (
    <div className={className}>
      <ErrorBanner error={error} />
      <div className={`overflow-auto rounded-lg border border-line bg-surface shadow-sm ${maxHeight ?? ''}`}>
        <table aria-label={label} className="w-full border-collapse text-left text-sm">
          <thead className="sticky top-0 z-[1] bg-surface-2 text-xs text-muted">
            <tr>
              {columns.map((c) => {
                const sorted = sort?.key === c.sortKey && c.sortKey !== undefined;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={
                      c.sortKey
                        ? sorted
                          ? sort?.order === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : 'none'
                        : undefined
                    }
                    className={`${cell} font-medium whitespace-nowrap ${c.numeric ? 'text-right' : ''}`}
                  >
                    {c.sortKey && onSort ? (
                      <button
                        type="button"
                        onClick={() => onSort(c.sortKey!)}
                        className="font-medium hover:text-fg"
                      >
                        {c.header}
                        <span aria-hidden className="ml-1 inline-block w-2">
                          {sorted ? (sort?.order === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows?.map((row) => (
              <tr
                key={rowKey(row)}
                className={`border-t border-line align-top hover:bg-surface-2/60 ${rowClass?.(row) ?? ''}`}
              >
                {columns.map((c) => (
                  <td
                    key={c.key}
                    title={c.title?.(row)}
                    className={`${cell} ${c.numeric ? 'text-right tabular-nums' : ''} ${c.className ?? ''} ${c.cellClass?.(row) ?? ''}`}
                  >
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {loading && !rows?.length && (
          <p className="px-3 py-6 text-center text-sm text-muted">{t('common.loading')}</p>
        )}
        {!loading && rows && rows.length === 0 && empty && (
          <p className="px-3 py-6 text-center text-sm text-muted">{empty}</p>
        )}
      </div>
    </div>
  );
}
