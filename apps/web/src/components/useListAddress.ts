import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A server-paged list whose search, filters and page live in the address (so a link can be shared).
 * `update` sets or removes parameters; the search box writes `q` after a short pause, so each keystroke
 * is not a request, and goes back to page 1.
 */
export function useListAddress() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      return next;
    });

  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => update({ q: search, page: null }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const page = Math.max(1, Number(params.get('page')) || 1);
  return { params, q, page, search, setSearch, update };
}
