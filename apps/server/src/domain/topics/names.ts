import { badRequest, conflict } from '../errors.ts';

/** Kafka's limit (Topic.MAX_NAME_LENGTH): the name must fit a file name plus a partition suffix. */
export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Kafka's own rules (org.apache.kafka.common.internals.Topic.validate), with sentences a person can act on. */
export function validateTopicName(name: string): void {
  if (name.length === 0) throw badRequest('A topic name cannot be empty.');
  if (name === '.' || name === '..') throw badRequest(`"${name}" cannot be used as a topic name.`);
  if (name.length > MAX_TOPIC_NAME_LENGTH)
    throw badRequest(
      `A topic name can be at most ${MAX_TOPIC_NAME_LENGTH} characters long; this one has ${name.length}.`,
    );
  if (!LEGAL.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[a-zA-Z0-9._-]/.test(c)))]
      .map((c) => (c === ' ' ? 'space' : `"${c}"`))
      .join(', ');
    throw badRequest(
      `"${name}" is not a valid topic name: only letters, digits, ".", "_" and "-" are allowed (found ${bad}).`,
    );
  }
}

/** Kafka's metric names turn "." into "_", so "a.b" and "a_b" would collide. */
const collisionKey = (name: string) => name.replace(/\./g, '_');

/** The warning `kafka-topics --create` prints for names with "." or "_". */
export function nameWarnings(name: string): string[] {
  return /[._]/.test(name)
    ? [
        'Due to limitations in metric names, topics with a period (".") or underscore ("_") could collide. ' +
          'To avoid issues it is best to use either, but not both.',
      ]
    : [];
}

/** Refuses a name that exists, or that collides with an existing one once "." is read as "_". */
export function checkNameIsFree(name: string, existing: string[]): void {
  if (existing.includes(name)) throw conflict(`Topic "${name}" already exists.`);
  const key = collisionKey(name);
  const other = existing.find((e) => collisionKey(e) === key);
  if (other)
    throw conflict(
      `Topic "${name}" collides with the existing topic "${other}": Kafka's metric names treat "." and "_" ` +
        'as the same character. Pick a different name.',
    );
}
