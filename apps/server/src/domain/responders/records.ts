// Responders are stored beside schedules (same compacted topic, same group), so the same server-ownership
// rules apply: exactly one server answers a responder's requests, another takes over within a rebalance.
import type { Responder, ResponderInput } from '@tributary/contract';

export interface ResponderDef extends ResponderInput {
  kind: 'responder';
  id: string;
  cluster: string;
  createdAt: number;
}

export interface ResponderState {
  /** The next offset to answer, per partition of the request topic. */
  positions: Record<string, string>;
  answered: number;
  failures: number;
  lastError?: string;
  runner?: string;
}

export const isResponder = (def: object): def is ResponderDef =>
  (def as { kind?: string }).kind === 'responder';

export function toResponder(def: ResponderDef, state: ResponderState | undefined): Responder {
  const { kind: _kind, ...rest } = def;
  return {
    ...rest,
    answered: state?.answered ?? 0,
    failures: state?.failures ?? 0,
    ...(state?.lastError ? { lastError: state.lastError } : {}),
    ...(state?.runner ? { runner: state.runner } : {}),
  };
}

/** The reply to a request's value: as is, in capitals, or the template with {{value}} replaced. */
export function replyValue(def: ResponderDef, value: Buffer | null): string | null {
  const text = value === null ? null : value.toString('utf8');
  switch (def.mode) {
    case 'echo':
      return text;
    case 'uppercase':
      return text === null ? null : text.toUpperCase();
    case 'template':
      return (def.template ?? '').split('{{value}}').join(text ?? '');
  }
}
