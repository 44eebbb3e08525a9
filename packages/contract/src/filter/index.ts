// `@tributary/contract/filter`: the message filter language (parser and meaning), one copy for both sides.
export { FilterError, parseFilter, ROOTS, type CompareOp, type Node } from './parser.ts';
export { compileFilter, type FilterOptions } from './evaluate.ts';
