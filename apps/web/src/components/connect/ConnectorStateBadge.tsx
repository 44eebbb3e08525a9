import type { ConnectorState } from '@tributary/contract';
import { Badge, type Tone } from '../ui/Badge.tsx';

const TONES: Partial<Record<ConnectorState, Tone>> = {
  RUNNING: 'ok',
  PAUSED: 'warn',
  STOPPED: 'neutral',
  FAILED: 'danger',
  RESTARTING: 'info',
};

/** The state as Connect names it (the word in its logs), coloured by how healthy it is. */
export function ConnectorStateBadge({ state }: { state: ConnectorState }) {
  return <Badge tone={TONES[state] ?? 'neutral'}>{state}</Badge>;
}

/** The simple name reads better in a table; the full class is in the tooltip. */
export function ClassName({ cls }: { cls: string }) {
  return (
    <span title={cls} className="font-mono text-xs break-all">
      {cls.slice(cls.lastIndexOf('.') + 1)}
    </span>
  );
}
