/** A partition chooser for producing: automatic (by key, like the Java client) or one of the topic's partitions. */
export function PartitionSelect({
  count,
  value,
  onChange,
}: {
  count: number;
  value: number | undefined;
  onChange: (partition: number | undefined) => void;
}) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      Partition
      <select
        className="rounded border border-slate-300 px-2 py-1 text-sm"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      >
        <option value="">Automatic (by key)</option>
        {Array.from({ length: count }, (_, p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}
