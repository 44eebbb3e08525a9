import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ErrorBody,
  Schedule,
  ScheduleActionParams,
  ScheduleInput,
  ScheduleList,
  ScheduleParams,
  ScheduleRun,
  ScheduleRuns,
  ScheduleRunsQuery,
} from '@tributary/contract';
import { producerGateway } from '../kafka/producer-gateway.ts';
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  replaceSchedule,
  runNow,
  scheduleRuns,
  setPaused,
} from '../domain/schedules/service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Scheduled and repeated sending: definitions, actions and recorded runs, all kept in Kafka. */
export const schedulesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/schedules';
  const store = (cluster: string) => app.schedules.of(cluster).store;
  const producer = (cluster: string) => producerGateway(app.clusters.get(cluster));

  app.get(
    base,
    { schema: { params: ClusterParams, response: { 200: ScheduleList, ...errors } } },
    async (req) => ({
      schedules: await listSchedules(store(req.params.cluster)),
    }),
  );

  app.post(
    base,
    { schema: { params: ClusterParams, body: ScheduleInput, response: { 201: Schedule, ...errors } } },
    async (req, reply) => {
      const { cluster } = req.params;
      const created = await createSchedule(store(cluster), producer(cluster), req.body);
      app.schedules.of(cluster).coordinator.kick();
      return reply.code(201).send(created);
    },
  );

  app.get(
    `${base}/:id`,
    { schema: { params: ScheduleParams, response: { 200: Schedule, ...errors } } },
    async (req) => getSchedule(store(req.params.cluster), req.params.id),
  );

  app.put(
    `${base}/:id`,
    { schema: { params: ScheduleParams, body: ScheduleInput, response: { 200: Schedule, ...errors } } },
    async (req) =>
      replaceSchedule(store(req.params.cluster), producer(req.params.cluster), req.params.id, req.body),
  );

  app.delete(
    `${base}/:id`,
    { schema: { params: ScheduleParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await deleteSchedule(store(req.params.cluster), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:id/actions/:action`,
    {
      schema: {
        params: ScheduleActionParams,
        response: { 200: Schedule, 201: ScheduleRun, ...errors },
      },
    },
    async (req, reply) => {
      const { cluster, id, action } = req.params;
      if (action === 'run-now')
        return reply.code(201).send(await runNow(store(cluster), producer(cluster), id));
      return setPaused(store(cluster), id, action === 'pause');
    },
  );

  app.get(
    `${base}/:id/runs`,
    {
      schema: {
        params: ScheduleParams,
        querystring: ScheduleRunsQuery,
        response: { 200: ScheduleRuns, ...errors },
      },
    },
    async (req) => ({
      runs: await scheduleRuns(store(req.params.cluster), req.params.id, req.query.limit ?? 100),
    }),
  );
};
