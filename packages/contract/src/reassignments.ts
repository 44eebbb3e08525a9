import { Type, type Static } from 'typebox';

/** One partition's new replica list; the first broker is its preferred leader. */
export const ReassignmentTarget = Type.Object({
  partition: Type.Integer({ minimum: 0 }),
  replicas: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1 }),
});
export type ReassignmentTarget = Static<typeof ReassignmentTarget>;

/**
 * `POST .../topics/:topic/reassignments`: either a target replica list per partition to move, or
 * `spread: true` (every partition spread evenly across the online brokers, keeping its replica count).
 * `throttle` (bytes/s) caps the replication of the moving replicas, as `kafka-reassign-partitions --throttle`.
 */
export const ReassignmentBody = Type.Object({
  partitions: Type.Optional(Type.Array(ReassignmentTarget, { minItems: 1 })),
  spread: Type.Optional(Type.Boolean()),
  throttle: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ReassignmentBody = Static<typeof ReassignmentBody>;

/** One partition as it is now, and where it is going when it is moving. */
export const PartitionReassignment = Type.Object({
  partition: Type.Integer(),
  /** The replicas now (while moving: the target plus those still being removed). */
  replicas: Type.Array(Type.Integer()),
  isr: Type.Array(Type.Integer()),
  leader: Type.Union([Type.Integer(), Type.Null()]),
  reassigning: Type.Boolean(),
  /** Where it is going (while moving), else null. */
  target: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  addingReplicas: Type.Array(Type.Integer()),
  removingReplicas: Type.Array(Type.Integer()),
});
export type PartitionReassignment = Static<typeof PartitionReassignment>;

/** `GET .../topics/:topic/reassignments`: progress (ListPartitionReassignments) and each partition's replicas/ISR. */
export const ReassignmentStatus = Type.Object({
  topic: Type.String(),
  inProgress: Type.Boolean(),
  partitions: Type.Array(PartitionReassignment),
  /** Whether the topic still carries replication throttles (removed once its reassignment is over). */
  throttled: Type.Boolean(),
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type ReassignmentStatus = Static<typeof ReassignmentStatus>;

/** `POST .../leader-election`: one topic (some or all of its partitions), or with no topic the whole cluster. */
export const LeaderElectionBody = Type.Object({
  topic: Type.Optional(Type.String({ minLength: 1 })),
  partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1 })),
});
export type LeaderElectionBody = Static<typeof LeaderElectionBody>;

export const ElectionOutcome = Type.Union([
  Type.Literal('elected'),
  Type.Literal('already-preferred'),
  Type.Literal('failed'),
]);
export type ElectionOutcome = Static<typeof ElectionOutcome>;

/** Per partition: its preferred leader took over, already led, or could not (Kafka's sentence). */
export const LeaderElectionResult = Type.Object({
  partitions: Type.Array(
    Type.Object({
      topic: Type.String(),
      partition: Type.Integer(),
      outcome: ElectionOutcome,
      message: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type LeaderElectionResult = Static<typeof LeaderElectionResult>;
