import type { DataFormat, Message } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { badRequest, notFound } from '../errors.ts';
import { choosePartitions } from './positions.ts';
import { decodeRecord } from './decode.ts';
import type { SchemaCache } from '../schemas/schema-cache.ts';

const WHOLE_MAX_BYTES = 64 << 20;

/** One message, never cut: the way to see all of a value that a page showed truncated. */
export async function readMessage(
  reader: PartitionReader,
  topic: string,
  partition: number,
  offset: string,
  formats: { keyFormat?: DataFormat | undefined; valueFormat?: DataFormat | undefined },
  schemas?: SchemaCache,
): Promise<Message> {
  if (!/^\d+$/.test(offset)) throw badRequest(`An offset is a whole number like 42, not "${offset}".`);
  choosePartitions(await reader.offsets(topic), String(partition));
  const result = await reader.fetch({ topic, partition, offset, maxBytes: 1024 * 1024, maxWaitMs: 0 });
  const record = result.records.find((r) => r.offset === offset);
  if (!record)
    throw notFound(
      `Partition ${partition} of "${topic}" has no message at offset ${offset} (offsets ${result.logStartOffset} to ${BigInt(result.highWatermark) - 1n} exist; compaction and transaction markers leave gaps).`,
    );
  await schemas?.loadFor([record]);
  return decodeRecord(record, {
    keyFormat: formats.keyFormat ?? 'auto',
    valueFormat: formats.valueFormat ?? 'auto',
    maxValueBytes: WHOLE_MAX_BYTES,
    schemas,
  });
}
