// The single source of request/response/event shapes: the server validates and serializes with these
// schemas, the web client and the tests take their types from them.
export * from './errors.ts';
export * from './clusters.ts';
export * from './topics.ts';
export * from './brokers.ts';
export * from './messages.ts';
export * from './live.ts';
export * from './consumer-groups.ts';
export * from './connect.ts';
export * from './schemas.ts';
export * from './auth.ts';
export * from './schedules.ts';
export * from './request-reply.ts';
export * from './templates.ts';
export * from './acls.ts';
export * from './scram-users.ts';
export * from './reassignments.ts';
