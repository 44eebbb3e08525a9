// kafkajs decodes gzip only; topics written by Java, librdkafka (kcat) or Python producers are often snappy,
// lz4 or zstd. Reading needs decompression only, so pure-JS decoders are registered in kafkajs's codec table
// (its documented extension point); compressing with them is refused.
// The raw batch walker (record-batches.ts) uses the same decoders.
// Default import: Node's ESM view of kafkajs (CommonJS) does not name CompressionCodecs as an export.
import kafkajs from 'kafkajs';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';

// The xerial framing the Java client writes: magic, version, compatible version, then [length][block]...
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

// A view of the decoder's output, not a copy.
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function snappyDecompress(data: Buffer): Buffer {
  if (data.length < 16 || !data.subarray(0, 8).equals(XERIAL_MAGIC)) return asBuffer(snappy.uncompress(data));
  const blocks: Buffer[] = [];
  for (let at = 16; at + 4 <= data.length;) {
    const size = data.readUInt32BE(at);
    blocks.push(asBuffer(snappy.uncompress(data.subarray(at + 4, at + 4 + size))));
    at += 4 + size;
  }
  return Buffer.concat(blocks);
}

export const lz4Decompress = (data: Buffer): Buffer => asBuffer(lz4.decompress(data));
export const zstdDecompressBuffer = (data: Buffer): Buffer => asBuffer(zstdDecompress(data));

const readOnly = (name: string, decompress: (data: Buffer) => Buffer) => () => ({
  compress: () => Promise.reject(new Error(`Tributary reads ${name} but does not write it`)),
  decompress: (data: Buffer) => Promise.resolve(decompress(data)),
});

let registered = false;

/** Registers the decoders once per process. */
export function registerReadCodecs(): void {
  if (registered) return;
  registered = true;
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  const codecs = CompressionCodecs as unknown as Record<number, unknown>;
  codecs[CompressionTypes.Snappy] = readOnly('snappy', snappyDecompress);
  codecs[CompressionTypes.LZ4] = readOnly('lz4', lz4Decompress);
  codecs[CompressionTypes.ZSTD] = readOnly('zstd', zstdDecompressBuffer);
}
