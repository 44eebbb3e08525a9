import { inject } from 'vitest';
import './global-setup.ts';

/** The shared test broker's bootstrap servers (started by the integration project's global setup). */
export function sharedKafkaBrokers(): string[] {
  return inject('kafkaBrokers');
}

/** A topic name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
