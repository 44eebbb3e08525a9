import { inject } from 'vitest';
import './global-setup.ts';
import { waitForConnect } from '../connect-ready.ts';
import { waitForSchemaRegistry } from '../schema-registry.ts';

/** The shared test broker's bootstrap servers (started by the integration project's global setup). */
export function sharedKafkaBrokers(): string[] {
  return inject('kafkaBrokers');
}

let connectReady: Promise<string> | undefined;

/**
 * The shared Kafka Connect worker's REST URL, once it answers `GET /connectors` (the global setup starts
 * it in the background beside the broker).
 */
export function sharedConnect(timeoutMs = 120_000): Promise<string> {
  const url = inject('connectUrl');
  connectReady ??= waitForConnect(url, timeoutMs).then(() => url);
  return connectReady;
}

let registryReady: Promise<string> | undefined;

/**
 * The shared Schema Registry's Confluent-compatible API URL (`.../apis/ccompat/v7`), once it lists
 * subjects (the global setup starts it in the background; it is built by the test command's install step).
 */
export function sharedSchemaRegistry(timeoutMs = 120_000): Promise<string> {
  const url = inject('schemaRegistryUrl');
  registryReady ??= waitForSchemaRegistry(url, timeoutMs).then(() => url);
  return registryReady;
}

/** A topic name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
