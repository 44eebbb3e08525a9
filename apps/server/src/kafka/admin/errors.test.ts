import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { fromGapError } from './errors.ts';

// The shapes @platformatic/kafka throws: an AggregateError (MultipleErrors/ResponseError) holding
// ProtocolErrors with the Kafka error name and the broker's own sentence.
const protocol = (apiId: string, serverErrorMessage: string | null, message = 'generic') =>
  Object.assign(new Error(message), { code: 'PLT_KFK_PROTOCOL', apiId, serverErrorMessage });
const aggregate = (...errors: Error[]) =>
  Object.assign(new AggregateError(errors, 'Received response with error'), { code: 'PLT_KFK_RESPONSE' });

describe('fromGapError', () => {
  it('keeps the broker sentence and picks the status from the Kafka error name', () => {
    const error = fromGapError(
      aggregate(
        aggregate(protocol('INVALID_CONFIG', 'Unknown topic config name: foo', 'Configuration is invalid.')),
      ),
      { topic: 't' },
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'Unknown topic config name: foo' });
    expect(error.details).toMatchObject({ topic: 't', kafkaError: 'INVALID_CONFIG' });
  });

  it('falls back to the client message when the broker sent none', () => {
    expect(
      fromGapError(
        aggregate(
          protocol('UNKNOWN_TOPIC_OR_PARTITION', '', 'This server does not host this topic-partition.'),
        ),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This server does not host this topic-partition.',
    });
    expect(
      fromGapError(aggregate(protocol('TOPIC_ALREADY_EXISTS', "Topic 'x' already exists."))),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('reports network trouble as Kafka being unavailable', () => {
    const network = Object.assign(new Error('Connection to 127.0.0.1:1 failed.'), {
      code: 'PLT_KFK_NETWORK',
    });
    expect(fromGapError(aggregate(network))).toMatchObject({
      code: 'KAFKA_UNAVAILABLE',
      message: 'Kafka is unavailable: Connection to 127.0.0.1:1 failed.',
    });
  });

  it('passes domain errors through untouched', () => {
    const original = new DomainError('NOT_FOUND', 'No such thing');
    expect(fromGapError(original)).toBe(original);
  });
});
