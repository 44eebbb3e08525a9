import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/auth.ts';

/** Who is logged in, and the way out; nothing when nobody logs in (auth: none). */
export function UserMenu() {
  const { data } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!data || data.auth === 'none') return null;
  return (
    <div className="mt-6 border-t border-line-strong px-3 pt-3 text-sm text-nav-fg" aria-label="User">
      <div>
        Logged in as <strong className="text-on-accent">{data.username}</strong>
      </div>
      <button
        type="button"
        className="mt-2 rounded border border-line-strong px-2 py-1 hover:bg-nav-active"
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })}
      >
        Log out
      </button>
    </div>
  );
}
