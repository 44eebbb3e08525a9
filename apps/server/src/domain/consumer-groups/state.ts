import { GROUP_STATES, type GroupState } from '@tributary/contract';

const BY_LOWER = new Map<string, GroupState>(GROUP_STATES.map((s) => [s.toLowerCase(), s]));

/** Brokers and libraries spell states differently (`STABLE`, `Stable`, `PREPARINGREBALANCE`). */
export function normalizeState(raw: string): GroupState {
  return BY_LOWER.get(raw.replace(/[^a-z]/gi, '').toLowerCase()) ?? 'Unknown';
}

/** A group whose consumers are running: offsets may not be changed under them. */
export function isActive(state: GroupState, members: number): boolean {
  return members > 0 || !(state === 'Empty' || state === 'Dead');
}
