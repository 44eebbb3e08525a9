/** A labelled bar for work with a known end (upload, scan). */
export function Progress({ label, percent }: { label: string; percent: number }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-48 overflow-hidden rounded bg-surface-2 sm:w-72"
    >
      <div className="h-full bg-accent-bg transition-all" style={{ width: `${percent}%` }} />
    </div>
  );
}
