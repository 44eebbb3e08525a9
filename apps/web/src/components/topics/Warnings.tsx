import { Notice } from '../ui/Alert.tsx';

/** Values the server could not learn (a broker did not answer): shown, not hidden. */
export function Warnings({ warnings }: { warnings: string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <Notice tone="warn">
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </Notice>
  );
}
