import type { Message } from '@tributary/contract';
import { compileFilter as compile, FilterError, type FilterOptions } from '@tributary/contract/filter';
import { badRequest } from '../errors.ts';

export type { FilterOptions };

/** The shared filter, with a mistake in it answered as a BAD_REQUEST naming the character where it is. */
export function compileFilter(options: FilterOptions): (message: Message) => boolean {
  try {
    return compile(options);
  } catch (error) {
    if (error instanceof FilterError)
      throw badRequest(
        error.message,
        error.position === undefined ? undefined : { position: error.position },
      );
    throw error;
  }
}
