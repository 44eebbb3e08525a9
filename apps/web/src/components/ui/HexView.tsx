/** "48656c6c6f" or base64 text as bytes; null when it is neither. */
export function bytesOf(text: string, format: 'hex' | 'base64'): Uint8Array | null {
  if (format === 'hex') {
    const clean = text.replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(clean)) return null;
    return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
  }
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** `xxd`-style dump: offset | 16 bytes in hex | the same bytes as ASCII (dots for the rest). */
export function HexView({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const rows: { offset: string; hex: string; ascii: string }[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const chunk = [...bytes.subarray(i, i + 16)];
    rows.push({
      offset: i.toString(16).padStart(8, '0'),
      hex: chunk
        .map((b) => b.toString(16).padStart(2, '0'))
        .join(' ')
        .padEnd(47, ' '),
      ascii: chunk.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''),
    });
  }
  return (
    <pre
      aria-label={label}
      className="max-h-96 overflow-auto rounded border border-line bg-surface p-2 font-mono text-xs leading-5"
    >
      {rows.map((r) => (
        <div key={r.offset} className="whitespace-pre">
          <span className="text-muted">{r.offset}</span>
          {'  '}
          <span>{r.hex}</span>
          {'  '}
          <span className="text-json-string">{r.ascii}</span>
        </div>
      ))}
    </pre>
  );
}
