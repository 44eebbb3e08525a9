import { Type, type Static } from 'typebox';

// Consumer groups in `kafka-consumer-groups` vocabulary. Offsets are plain integers (JSON numbers): Kafka
// offsets stay far below 2^53 in practice, and lag arithmetic on the page needs numbers.

/** Group states of both protocols (classic: Preparing/CompletingRebalance; KIP-848: Assigning/Reconciling). */
export const GROUP_STATES = [
  'Stable',
  'Empty',
  'PreparingRebalance',
  'CompletingRebalance',
  'Assigning',
  'Reconciling',
  'Dead',
  'Unknown',
] as const;
export const GroupState = Type.Unsafe<(typeof GROUP_STATES)[number]>(
  Type.String({ enum: [...GROUP_STATES] }),
);
export type GroupState = Static<typeof GroupState>;

/** `classic` (JoinGroup/SyncGroup) or `consumer`, the new protocol of KIP-848. */
export const GroupType = Type.Union([Type.Literal('classic'), Type.Literal('consumer')]);
export type GroupType = Static<typeof GroupType>;

export const GroupParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  group: Type.String({ minLength: 1 }),
});
export type GroupParams = Static<typeof GroupParams>;

export const GroupListQuery = Type.Object({
  /** Case-insensitive substring of the group id. */
  search: Type.Optional(Type.String({ maxLength: 256 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  state: Type.Optional(GroupState),
});
export type GroupListQuery = Static<typeof GroupListQuery>;

/** One row of the groups list. `totalLag` is null when the group has no committed offset. */
export const GroupSummary = Type.Object({
  groupId: Type.String(),
  state: GroupState,
  type: GroupType,
  members: Type.Integer({ minimum: 0 }),
  /** How many topics the group has offsets for or is assigned. */
  topics: Type.Integer({ minimum: 0 }),
  totalLag: Type.Union([Type.Integer(), Type.Null()]),
});
export type GroupSummary = Static<typeof GroupSummary>;

export const GroupList = Type.Object({
  items: Type.Array(GroupSummary),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  perPage: Type.Integer({ minimum: 1 }),
  /** Brokers that did not answer, and the groups whose members or lag are unknown because of it. */
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type GroupList = Static<typeof GroupList>;

export const TopicPartitions = Type.Object({ topic: Type.String(), partitions: Type.Array(Type.Integer()) });
export type TopicPartitions = Static<typeof TopicPartitions>;

export const GroupMember = Type.Object({
  consumerId: Type.String(),
  groupInstanceId: Type.Union([Type.String(), Type.Null()]),
  /** As the broker saw the client, e.g. `/127.0.0.1` (the same text `--describe` prints). */
  host: Type.String(),
  clientId: Type.String(),
  assignments: Type.Array(TopicPartitions),
});
export type GroupMember = Static<typeof GroupMember>;

/** One row of `kafka-consumer-groups --describe`: null where the tool prints `-`. */
export const PartitionOffsetRow = Type.Object({
  topic: Type.String(),
  partition: Type.Integer({ minimum: 0 }),
  currentOffset: Type.Union([Type.Integer(), Type.Null()]),
  logEndOffset: Type.Integer(),
  lag: Type.Union([Type.Integer(), Type.Null()]),
  consumerId: Type.Union([Type.String(), Type.Null()]),
  host: Type.Union([Type.String(), Type.Null()]),
  clientId: Type.Union([Type.String(), Type.Null()]),
});
export type PartitionOffsetRow = Static<typeof PartitionOffsetRow>;

export const GroupDetail = Type.Object({
  groupId: Type.String(),
  state: GroupState,
  type: GroupType,
  coordinator: Type.Union([
    Type.Object({ id: Type.Integer(), host: Type.String(), port: Type.Integer() }),
    Type.Null(),
  ]),
  /** `range`, `cooperative-sticky`, `uniform` …; empty when the group has no members. */
  assignmentStrategy: Type.String(),
  members: Type.Array(GroupMember),
  offsets: Type.Array(PartitionOffsetRow),
  totalLag: Type.Union([Type.Integer(), Type.Null()]),
});
export type GroupDetail = Static<typeof GroupDetail>;

/** A group that reads one topic, with its lag on that topic only (the topic page's Consumers tab). */
export const TopicConsumerGroup = Type.Object({
  groupId: Type.String(),
  state: GroupState,
  type: GroupType,
  members: Type.Integer({ minimum: 0 }),
  lag: Type.Union([Type.Integer(), Type.Null()]),
  partitions: Type.Array(
    Type.Object({
      partition: Type.Integer(),
      currentOffset: Type.Union([Type.Integer(), Type.Null()]),
      logEndOffset: Type.Integer(),
      lag: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type TopicConsumerGroup = Static<typeof TopicConsumerGroup>;
export const TopicConsumerGroups = Type.Array(TopicConsumerGroup);
export type TopicConsumerGroups = Static<typeof TopicConsumerGroups>;

export const RESET_TARGETS = ['earliest', 'latest', 'timestamp', 'offset', 'shift', 'group'] as const;
export type ResetTarget = (typeof RESET_TARGETS)[number];

/**
 * `--reset-offsets`. Scope: every topic the group has offsets for, or `topic`, or `topic` + `partitions`.
 * `value`: timestamp (ms since the epoch, or an ISO date), offset, shift (±n) or the source group id.
 * `to` is checked by the server (not by an enum) so that a wrong target is answered with the list of targets;
 * `value` is read as text first so a numeric group id like "007" keeps its zeros.
 */
export const ResetOffsetsBody = Type.Object({
  topic: Type.Optional(Type.String({ minLength: 1 })),
  partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1 })),
  to: Type.Unsafe<ResetTarget>(Type.String({ minLength: 1, maxLength: 64 })),
  value: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Integer()])),
  dryRun: Type.Optional(Type.Boolean({ default: true })),
});
export type ResetOffsetsBody = Static<typeof ResetOffsetsBody>;

export const ResetOffsetRow = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  currentOffset: Type.Union([Type.Integer(), Type.Null()]),
  newOffset: Type.Integer(),
  lagBefore: Type.Union([Type.Integer(), Type.Null()]),
  lagAfter: Type.Integer(),
  /** What the target asked for before clamping. */
  requestedOffset: Type.Integer(),
  /** Where the requested offset was outside [earliest, latest] and was moved to that bound. */
  clamped: Type.Union([Type.Literal('earliest'), Type.Literal('latest'), Type.Null()]),
});
export type ResetOffsetRow = Static<typeof ResetOffsetRow>;

export const ResetOffsetsResult = Type.Object({
  groupId: Type.String(),
  dryRun: Type.Boolean(),
  /** True only when the offsets were committed (dryRun false). */
  executed: Type.Boolean(),
  rows: Type.Array(ResetOffsetRow),
  /** How many rows were clamped; each one says where in `clamped`. */
  clampedCount: Type.Integer({ minimum: 0 }),
  /** Why executing would be refused right now (active members), so a dry run can warn before confirming. */
  blockedReason: Type.Union([Type.String(), Type.Null()]),
});
export type ResetOffsetsResult = Static<typeof ResetOffsetsResult>;

export const DeleteGroupOffsetsQuery = Type.Object({ topic: Type.String({ minLength: 1 }) });
export type DeleteGroupOffsetsQuery = Static<typeof DeleteGroupOffsetsQuery>;

export const DeleteGroupOffsetsResult = Type.Object({
  groupId: Type.String(),
  topic: Type.String(),
  partitions: Type.Array(Type.Integer()),
});
export type DeleteGroupOffsetsResult = Static<typeof DeleteGroupOffsetsResult>;

export const CommitHistoryQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
export type CommitHistoryQuery = Static<typeof CommitHistoryQuery>;

/** One offset commit as stored in `__consumer_offsets`; `offset` null is a deletion (tombstone). */
export const OffsetCommitRecord = Type.Object({
  group: Type.String(),
  topic: Type.String(),
  partition: Type.Integer(),
  offset: Type.Union([Type.Integer(), Type.Null()]),
  /** When the coordinator accepted the commit (ms since the epoch). */
  commitTimestamp: Type.Integer(),
  metadata: Type.String(),
  /** Position of the record in `__consumer_offsets`. */
  logOffset: Type.Integer(),
});
export type OffsetCommitRecord = Static<typeof OffsetCommitRecord>;

export const CommitHistory = Type.Object({
  groupId: Type.String(),
  /** The `__consumer_offsets` partition that holds this group (hash of the group id). */
  partition: Type.Integer(),
  /** Newest last, at most `limit`. */
  commits: Type.Array(OffsetCommitRecord),
  /** How far back the bounded scan went; older commits may exist (or were compacted away). */
  scannedFromOffset: Type.Integer(),
  scannedToOffset: Type.Integer(),
  complete: Type.Boolean({ description: 'true when the scan reached the start of the partition' }),
});
export type CommitHistory = Static<typeof CommitHistory>;

export const LagHistoryQuery = Type.Object({
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, default: 60 })),
});
export type LagHistoryQuery = Static<typeof LagHistoryQuery>;

/** Sampled lag per topic; `time` is ms since the epoch. */
export const LagHistory = Type.Object({
  groupId: Type.String(),
  intervalMs: Type.Integer(),
  series: Type.Array(
    Type.Object({
      topic: Type.String(),
      points: Type.Array(Type.Object({ time: Type.Integer(), lag: Type.Integer() })),
    }),
  ),
});
export type LagHistory = Static<typeof LagHistory>;
