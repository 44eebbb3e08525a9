import { Compile } from 'typebox/compile';
import { LiveCommand } from '@tributary/contract';
import { badRequest } from '../errors.ts';

type CommandType = LiveCommand['type'];
const VARIANTS = new Map(
  LiveCommand.anyOf.map((variant) => [variant.properties.type.const as CommandType, Compile(variant)]),
);

/** Parses one WebSocket text frame into a command, or throws BAD_REQUEST with a sentence that says why. */
export function parseCommand(text: string): LiveCommand {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('A live-tail command must be a JSON object, e.g. {"type":"pause"}.');
  }
  const type = (data as { type?: unknown } | null)?.type;
  const check = typeof type === 'string' ? VARIANTS.get(type as CommandType) : undefined;
  if (!check)
    throw badRequest(
      `Unknown live-tail command ${JSON.stringify(type)}; known: ${[...VARIANTS.keys()].join(', ')}.`,
    );
  if (!check.Check(data)) {
    const first = [...check.Errors(data)][0];
    const field = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'command';
    throw badRequest(`Invalid "${type}" command: ${field} ${first?.message ?? 'is invalid'}.`);
  }
  return data as LiveCommand;
}
