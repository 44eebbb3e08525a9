export { LiveSession } from './session.ts';
export { DEFAULT_LIVE_OPTIONS, type LiveSink, type LiveOptions } from './options.ts';
export type { LiveSource, LiveFetchRequest, LiveFetchResult, PartitionRange, Formats } from './source.ts';
export { LiveTailRegistry } from './registry.ts';
