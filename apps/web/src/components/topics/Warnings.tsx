/** Values the server could not learn (a broker did not answer): shown, not hidden. */
export function Warnings({ warnings }: { warnings: string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <div
      role="note"
      className="my-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </div>
  );
}
