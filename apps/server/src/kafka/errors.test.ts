import { describe, expect, it } from 'vitest';
import { toDomainError } from './errors.ts';

describe('Kafka client errors as DomainErrors', () => {
  it('takes a connection dropped under a request for an outage (a live tail is then told to reconnect)', () => {
    // What kafkajs throws from a broker whose connection went away mid-request (seen in a SIGSTOP test).
    expect(toDomainError(new Error('Broker not connected')).code).toBe('KAFKA_UNAVAILABLE');
    expect(toDomainError(new Error('connect ECONNREFUSED 127.0.0.1:9092')).code).toBe('KAFKA_UNAVAILABLE');
  });

  it('keeps other errors as Kafka errors with their words', () => {
    const error = toDomainError(new Error('something else'));
    expect(error.code).toBe('KAFKA_ERROR');
    expect(error.message).toBe('Kafka answered with an error: something else');
  });
});
