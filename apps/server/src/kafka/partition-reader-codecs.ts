// kafkajs decodes gzip only; topics written by Java, librdkafka (kcat) or Python producers are often snappy,
// lz4 or zstd. Reading needs decompression only, so pure-JS decoders are registered in kafkajs's codec table
// (its documented extension point); compressing with them is refused.
// Default import: Node's ESM view of kafkajs (CommonJS) does not name CompressionCodecs as an export.
import kafkajs from 'kafkajs';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';

// The xerial framing the Java client writes: magic, version, compatible version, then [length][block]...
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

export function snappyDecompress(data: Buffer): Buffer {
  if (data.length < 16 || !data.subarray(0, 8).equals(XERIAL_MAGIC))
    return Buffer.from(snappy.uncompress(data));
  const blocks: Buffer[] = [];
  for (let at = 16; at + 4 <= data.length;) {
    const size = data.readUInt32BE(at);
    blocks.push(Buffer.from(snappy.uncompress(data.subarray(at + 4, at + 4 + size))));
    at += 4 + size;
  }
  return Buffer.concat(blocks);
}

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
  codecs[CompressionTypes.LZ4] = readOnly('lz4', (data) => Buffer.from(lz4.decompress(data)));
  codecs[CompressionTypes.ZSTD] = readOnly('zstd', (data) => Buffer.from(zstdDecompress(data)));
}
