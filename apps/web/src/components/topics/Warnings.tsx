import { Notice } from '../ui/Alert.tsx';

/**
 * Values the server could not learn (a broker did not answer): shown, not hidden. The server's sentences
 * are English; `lead` (translated) says first what they mean for this page.
 */
export function Warnings({ warnings, lead }: { warnings: string[] | undefined; lead?: string }) {
  if (!warnings?.length) return null;
  return (
    <Notice tone="warn">
      {lead && <p className="font-semibold">{lead}</p>}
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </Notice>
  );
}
