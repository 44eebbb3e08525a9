import {
  CONNECTOR_STATES,
  type ConnectorConfig,
  type ConnectorState,
  type ConnectorType,
} from '@tributary/contract';
import type { WireStatus } from '../../connect/wire.ts';

export function toState(state: string | undefined): ConnectorState {
  return (CONNECTOR_STATES as readonly string[]).includes(state ?? '')
    ? (state as ConnectorState)
    : 'UNKNOWN';
}

export function toType(type: string | undefined): ConnectorType {
  return type === 'source' || type === 'sink' ? type : 'unknown';
}

/** Connect takes strings only; pasted JSON often has `"tasks.max": 1`. */
export function stringifyConfig(config: ConnectorConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]));
}

/**
 * The topics a connector is configured for: `topic` (a source like FileStreamSource), `topics` (every
 * sink). Active topics (what it really used) are added by the caller; together they answer "who reads
 * or writes this topic" even before the first record moves.
 */
export function declaredTopics(config: Record<string, string>): string[] {
  const names = [config.topic ?? '', ...(config.topics ?? '').split(',')].map((t) => t.trim());
  return names.filter(Boolean);
}

export function taskCounts(status: WireStatus | undefined): { tasksTotal: number; tasksFailed: number } {
  const tasks = status?.tasks ?? [];
  return { tasksTotal: tasks.length, tasksFailed: tasks.filter((t) => t.state === 'FAILED').length };
}
