import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `/` focuses the page's search box; `g t` and `g g` go to the cluster's topics and groups. */
export function useShortcuts(cluster: string | undefined) {
  const navigate = useNavigate();
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[data-search]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
        return;
      }
      if (!cluster) return;
      const base = `/clusters/${encodeURIComponent(cluster)}`;
      if (pendingG && Date.now() - pendingG < 1500 && (e.key === 't' || e.key === 'g')) {
        pendingG = 0;
        navigate(e.key === 't' ? `${base}/topics` : `${base}/consumer-groups`);
        return;
      }
      pendingG = e.key === 'g' ? Date.now() : 0;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cluster, navigate]);
}
