/** A prerequisite of the local Kafka is missing; the message says what to install or what to do instead. */
export class LocalKafkaError extends Error {
  override name = 'LocalKafkaError';
}

export const ALTERNATIVES =
  'Alternatively, point Tributary at a running cluster with KAFKA_BROKERS=host:port, ' +
  'or start one with `docker compose up`.';
