import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  ExportQuery,
  Message,
  MessagePage,
  MessageParams,
  MessageQuery,
  MessagesQuery,
  ProduceLinesRequest,
  ProduceRequest,
  ProduceResult,
  ProduceSummary,
  TopicParams,
  UploadQuery,
  type UploadEvent,
} from '@tributary/contract';
import { partitionReader } from '../kafka/partition-reader.ts';
import { producerGateway } from '../kafka/producer-gateway.ts';
import { DomainError } from '../domain/errors.ts';
import { browseMessages } from '../domain/messages/browse.ts';
import { readMessage } from '../domain/messages/read.ts';
import { exportMessages } from '../domain/messages/export.ts';
import { encodeWithSchema, schemaWriter } from '../domain/schemas/encode.ts';
import { encodeHeaders, produceOne } from '../domain/messages/produce.ts';
import { parseLines, produceMany } from '../domain/messages/bulk.ts';
import { prepareUpload, uploadTooLarge } from '../domain/messages/upload.ts';
import { ConcurrencyLimit } from '../domain/limits.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** An AbortSignal that fires when the client goes away before the answer is complete. */
function abortOnClose(
  raw: NodeJS.WritableStream & { writableFinished: boolean; on: (e: 'close', f: () => void) => unknown },
) {
  const controller = new AbortController();
  raw.on('close', () => {
    if (!raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Messages of a topic: `kafka-console-consumer` and `kafka-console-producer` over HTTP. */
export const messagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/topics/:topic/messages';
  const reader = (cluster: string) => partitionReader(app.clusters.get(cluster));
  const producer = (cluster: string) => producerGateway(app.clusters.get(cluster));
  const exports = new ConcurrencyLimit(
    () => app.config.exportsMax,
    (max) =>
      `This server already streams ${max} export${max === 1 ? '' : 's'} at once, its limit (exportsMax). Try again when one has finished.`,
  );
  app.metrics.track('exports', () => exports.size);

  // A file upload is read as a stream (spooled to disk), never buffered in memory.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  app.get(
    base,
    {
      schema: { params: TopicParams, querystring: MessagesQuery, response: { 200: MessagePage, ...errors } },
    },
    async (req, reply) => ({
      ...(await browseMessages(
        reader(req.params.cluster),
        req.params.topic,
        req.query,
        abortOnClose(reply.raw),
        app.schemaRegistries.cache(req.params.cluster),
      )),
      exportEnabled: app.config.exportEnabled,
    }),
  );

  app.get(
    `${base}/export`,
    { schema: { params: TopicParams, querystring: ExportQuery } },
    async (req, reply) => {
      if (!app.config.exportEnabled)
        throw new DomainError(
          'FORBIDDEN',
          'Export is switched off on this server (exportEnabled is false in its configuration).',
        );
      const { topic } = req.params;
      const release = exports.acquire();
      // The slot is held until the last line is sent or the client goes away.
      reply.raw.once('close', release);
      const lines = await exportMessages(
        reader(req.params.cluster),
        topic,
        req.query,
        abortOnClose(reply.raw),
        app.schemaRegistries.cache(req.params.cluster),
      ).catch((error: unknown) => {
        release();
        throw error;
      });
      const csv = req.query.format === 'csv';
      const name = `${topic.replace(/[^\w.-]/g, '_')}-${new Date().toISOString().replace(/[:.]/g, '-')}.${csv ? 'csv' : 'jsonl'}`;
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(lines));
    },
  );

  app.get(
    `${base}/:partition/:offset`,
    { schema: { params: MessageParams, querystring: MessageQuery, response: { 200: Message, ...errors } } },
    (req) =>
      readMessage(
        reader(req.params.cluster),
        req.params.topic,
        req.params.partition,
        req.params.offset,
        req.query,
        app.schemaRegistries.cache(req.params.cluster),
      ),
  );

  app.post(
    base,
    // Large enough that Kafka, not the HTTP layer, decides what is too large (max.message.bytes).
    {
      bodyLimit: 12 << 20,
      schema: { params: TopicParams, body: ProduceRequest, response: { 201: ProduceResult, ...errors } },
    },
    async (req, reply) => {
      const { cluster } = req.params;
      const { keySchema, valueSchema } = req.body;
      const encoded = {
        ...(keySchema
          ? { key: await encodeWithSchema(app.schemaRegistries, cluster, req.body.key, keySchema, 'key') }
          : {}),
        ...(valueSchema
          ? {
              value: await encodeWithSchema(
                app.schemaRegistries,
                cluster,
                req.body.value,
                valueSchema,
                'value',
              ),
            }
          : {}),
      };
      return reply.status(201).send(await produceOne(producer(cluster), req.params.topic, req.body, encoded));
    },
  );

  app.post(
    `${base}/lines`,
    {
      bodyLimit: 12 << 20,
      schema: {
        params: TopicParams,
        body: ProduceLinesRequest,
        response: { 200: ProduceSummary, ...errors },
      },
    },
    async (req) => {
      const { valueSchema } = req.body;
      const writer = valueSchema
        ? await schemaWriter(app.schemaRegistries, req.params.cluster, valueSchema, 'value')
        : undefined;
      const items = parseLines(req.body, writer);
      const headers = encodeHeaders(req.body.headers);
      return produceMany(producer(req.params.cluster), req.params.topic, items, {
        partition: req.body.partition,
        headers,
        total: items.length, // every non-empty line, the bad ones too (as an upload counts)
      });
    },
  );

  app.post(
    `${base}/upload`,
    { schema: { params: TopicParams, querystring: UploadQuery } },
    async (req, reply) => {
      const body = req.body;
      if (!(body instanceof Readable))
        throw new DomainError(
          'BAD_REQUEST',
          'Send the file as the request body with content-type application/octet-stream.',
        );
      const max = app.config.uploadMaxBytes;
      // Refused before a byte is read when the client says the size; else the spooling stops at the limit.
      if (Number(req.headers['content-length'] ?? 0) > max) throw uploadTooLarge(max);
      const { valueSubject, valueVersion } = req.query;
      const writer = valueSubject
        ? await schemaWriter(
            app.schemaRegistries,
            req.params.cluster,
            { subject: valueSubject, ...(valueVersion !== undefined ? { version: valueVersion } : {}) },
            'value',
          )
        : undefined;
      const upload = await prepareUpload(
        producer(req.params.cluster),
        req.params.topic,
        body,
        req.query,
        max,
        writer,
      );
      const out = new PassThrough();
      const send = (event: UploadEvent) => out.write(JSON.stringify(event) + '\n');
      const signal = abortOnClose(reply.raw);
      void upload
        .produce((sent, total, ratePerSec) => send({ type: 'progress', sent, total, ratePerSec }), signal)
        .then((summary) => send({ type: 'done', ...summary }))
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          send({ type: 'done', written: 0, total: upload.total, elapsedMs: 0, error: { line: 0, message } });
        })
        .finally(() => out.end());
      return reply.type('application/x-ndjson; charset=utf-8').send(out);
    },
  );
};
