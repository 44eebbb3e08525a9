import { Link, useLocation } from 'react-router-dom';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600">
        Nothing lives at <code className="rounded bg-slate-100 px-1">{pathname}</code>.{' '}
        <Link className="text-blue-700 hover:underline" to="/">
          Back to the clusters
        </Link>
      </p>
    </section>
  );
}
