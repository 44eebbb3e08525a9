import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/auth.ts';

/** Who is logged in, and the way out; nothing when nobody logs in (auth: none). */
export function UserMenu() {
  const { data } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!data || data.auth === 'none') return null;
  return (
    <div className="mt-6 border-t border-slate-700 px-3 pt-3 text-sm text-slate-300" aria-label="User">
      <div>
        Logged in as <strong className="text-white">{data.username}</strong>
      </div>
      <button
        type="button"
        className="mt-2 rounded border border-slate-600 px-2 py-1 hover:bg-slate-800"
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })}
      >
        Log out
      </button>
    </div>
  );
}
