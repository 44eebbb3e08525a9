export { LiveSession, DEFAULT_LIVE_OPTIONS, type LiveSink, type LiveOptions } from './session.ts';
export type { LiveSource, LiveFetchRequest, LiveFetchResult, PartitionRange, Formats } from './source.ts';
export { LiveTailRegistry } from './registry.ts';
