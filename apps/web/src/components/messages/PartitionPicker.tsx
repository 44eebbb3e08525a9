/** "All partitions" or a chosen few, from the topic's partitions. */
export function PartitionPicker({
  count,
  value,
  onChange,
}: {
  count: number;
  value: number[] | null;
  onChange: (partitions: number[] | null) => void;
}) {
  const all = Array.from({ length: count }, (_, i) => i);
  const summary = value === null ? 'All' : value.length === 0 ? 'None' : value.join(', ');
  return (
    <details className="relative text-xs text-slate-600">
      <summary className="flex cursor-pointer flex-col">
        Partitions
        <span className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
          {summary}
        </span>
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-64 w-40 overflow-auto rounded border border-slate-300 bg-white p-2 shadow">
        <legend className="sr-only">Partitions</legend>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={value === null}
            onChange={(e) => onChange(e.target.checked ? null : [])}
          />
          All partitions
        </label>
        {all.map((p) => (
          <label key={p} className="flex items-center gap-1">
            <input
              type="checkbox"
              aria-label={`Partition ${p}`}
              checked={value === null || value.includes(p)}
              onChange={(e) => {
                const current = value ?? all;
                const next = e.target.checked
                  ? [...current, p].sort((a, b) => a - b)
                  : current.filter((x) => x !== p);
                onChange(next.length === count ? null : next);
              }}
            />
            {p}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
