/** Placeholder for a page or tab whose issue is still open; says so instead of pretending. */
export function Pending({ what, issue }: { what: string; issue: number }) {
  return (
    <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-500">
      {what} is not built yet (issue #{issue}).
    </p>
  );
}
