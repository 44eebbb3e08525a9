import { Type, type Static } from 'typebox';

// ---- Schedules: /api/clusters/:cluster/schedules (issue 15) ----

/**
 * When a schedule sends. Exactly one of `every`, `at` or `cron` (checked by the server, which names the
 * field): `{every: "200ms" | "1s" | "5m", count?, until?}`, `{at: ISO time}` (once), `{cron, timezone?}`.
 */
export const ScheduleTrigger = Type.Object(
  {
    every: Type.Optional(Type.String({ maxLength: 32 })),
    /** With `every`: stop after this many messages. */
    count: Type.Optional(Type.Integer()),
    /** With `every`: stop at this ISO time. */
    until: Type.Optional(Type.String({ maxLength: 64 })),
    at: Type.Optional(Type.String({ maxLength: 64 })),
    cron: Type.Optional(Type.String({ maxLength: 200 })),
    /** IANA name for `cron`, e.g. `Europe/Paris`; the server's zone when absent. */
    timezone: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ScheduleTrigger = Static<typeof ScheduleTrigger>;

export const ScheduleHeader = Type.Object({ key: Type.String({ minLength: 1 }), value: Type.String() });

/** What a person sends to create or replace a schedule (POST, PUT). Values may hold {{seq}}, {{now}},
 * {{uuid}} and {{randomInt a b}}. */
const inputFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  topic: Type.String({ minLength: 1, maxLength: 249 }),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
  key: Type.Optional(Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()])),
  value: Type.Optional(Type.String({ maxLength: 1_000_000 })),
  /** Several values: one per run, in turn (default) or picked at random. */
  values: Type.Optional(Type.Array(Type.String({ maxLength: 1_000_000 }), { maxItems: 10_000 })),
  pick: Type.Optional(Type.Union([Type.Literal('in-turn'), Type.Literal('random')])),
  headers: Type.Optional(Type.Array(ScheduleHeader, { maxItems: 100 })),
  trigger: ScheduleTrigger,
  /** Runs missed while no server was up: sent on start (true) or only reported (false, the default). */
  catchUp: Type.Optional(Type.Boolean()),
};
export const ScheduleInput = Type.Object(inputFields, { additionalProperties: false });
export type ScheduleInput = Static<typeof ScheduleInput>;

export const ScheduleStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('paused'),
  Type.Literal('done'),
]);
export type ScheduleStatus = Static<typeof ScheduleStatus>;

export const Schedule = Type.Object({
  ...inputFields,
  id: Type.String(),
  cluster: Type.String(),
  status: ScheduleStatus,
  /** Why it is paused when it paused itself (e.g. its topic was deleted). */
  pausedReason: Type.Optional(Type.String()),
  createdAt: Type.Integer(),
  /** Messages sent so far by the trigger ({{seq}} of the last one). */
  sent: Type.Integer(),
  failures: Type.Integer(),
  lastRunAt: Type.Optional(Type.Integer()),
  /** The next few times it will send (ms since the epoch); empty when paused or done. */
  nextRuns: Type.Array(Type.Integer()),
  /** Which server runs it now (its member id in the schedules group), when known. */
  runner: Type.Optional(Type.String()),
});
export type Schedule = Static<typeof Schedule>;

export const ScheduleList = Type.Object({ schedules: Type.Array(Schedule) });
export type ScheduleList = Static<typeof ScheduleList>;

export const ScheduleParams = Type.Object({ cluster: Type.String(), id: Type.String({ maxLength: 100 }) });
export const ScheduleActionParams = Type.Object({
  cluster: Type.String(),
  id: Type.String({ maxLength: 100 }),
  action: Type.Union([Type.Literal('pause'), Type.Literal('resume'), Type.Literal('run-now')]),
});

/** One recorded run: where the message went, or the error, or the ticks missed while no server ran it. */
export const ScheduleRun = Type.Object({
  time: Type.Integer(),
  seq: Type.Optional(Type.Integer()),
  partition: Type.Optional(Type.Integer()),
  offset: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
  /** Ticks that were due while no server ran the schedule, from..to (not sent unless catchUp). */
  missed: Type.Optional(Type.Object({ count: Type.Integer(), from: Type.Integer(), to: Type.Integer() })),
  /** Sent by run-now, outside the trigger (does not advance {{seq}}). */
  manual: Type.Optional(Type.Boolean()),
});
export type ScheduleRun = Static<typeof ScheduleRun>;

export const ScheduleRuns = Type.Object({ runs: Type.Array(ScheduleRun) });
export type ScheduleRuns = Static<typeof ScheduleRuns>;

export const ScheduleRunsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
