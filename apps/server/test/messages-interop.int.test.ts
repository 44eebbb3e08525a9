import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { browse, createTopic, groupsTouching, kafkaTools } from './messages-helpers.ts';

const run = promisify(execFile);
const python = process.env.TRIBUTARY_PYTHON ?? `${homedir()}/.cache/tributary/python/bin/python`;

/** Runs kcat with `input` on stdin. */
function kcat(args: string[], input: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('kcat', ['-b', sharedKafkaBrokers().join(','), ...args], (error) =>
      error ? reject(error) : resolve(),
    );
    child.stdin?.end(input);
  });
}

describe('messages written by other clients', async () => {
  const app = await buildTestApp();
  const { admin } = await kafkaTools();

  it('kcat: keyed (-K:), to a chosen partition (-p), with headers (-H), and binary', async () => {
    const topic = await createTopic(admin, 'kcat', 3);
    await kcat(
      ['-P', '-t', topic, '-K:', '-p', '2', '-H', 'source=kcat', '-H', 'trace=abc'],
      'k1:hello\nk2:{"n":2}\n',
    );
    // -D '' would split on nothing: one message per file, the bytes exactly as given.
    await kcat(['-P', '-t', topic, '-p', '1', '-D', '\u0001'], Buffer.from([0x00, 0xff, 0x10, 0x80]));
    const page = await browse(app, topic, { seek: 'oldest' });
    const byKey = (k: string) => page.messages.find((m) => m.key?.text === k);
    expect(byKey('k1')).toMatchObject({
      partition: 2,
      offset: '0',
      value: { format: 'string', text: 'hello' },
      headers: [
        { key: 'source', value: { text: 'kcat' } },
        { key: 'trace', value: { text: 'abc' } },
      ],
    });
    expect(byKey('k2')).toMatchObject({ partition: 2, value: { format: 'json', text: '{\n  "n": 2\n}' } });
    const binary = page.messages.find((m) => m.partition === 1);
    expect(binary).toMatchObject({ key: null, value: { format: 'hex', text: '00ff1080', size: 4 } });
    expect(await groupsTouching(admin, topic)).toEqual([]);
  });

  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('kcat batches compressed with %s', async (codec) => {
    const topic = await createTopic(admin, `kcat-${codec}`);
    const lines = Array.from({ length: 50 }, (_, i) => `k${i}:${codec} message ${i} ${'abc'.repeat(20)}`);
    await kcat(['-P', '-t', topic, '-K:', '-z', codec, '-X', 'linger.ms=50'], lines.join('\n') + '\n');
    const page = await browse(app, topic, { seek: 'oldest' });
    expect(page.messages.map((m) => `${m.key?.text}:${m.value?.text}`)).toEqual(lines);
  });

  it('the Java console producer with snappy (xerial framing) and lz4', async () => {
    const topic = await createTopic(admin, 'java-compressed');
    for (const codec of ['snappy', 'lz4']) {
      await runKafkaTool(
        'kafka-console-producer',
        [
          '--bootstrap-server',
          sharedKafkaBrokers().join(','),
          '--topic',
          topic,
          '--compression-codec',
          codec,
          '--producer-property',
          'linger.ms=50',
          '--property',
          'parse.key=true',
          '--property',
          'key.separator=:',
        ],
        { input: `${codec}-1:first ${codec}\n${codec}-2:second ${codec}\n` },
      );
    }
    const page = await browse(app, topic, { seek: 'oldest' });
    expect(page.messages.map((m) => `${m.key?.text}:${m.value?.text}`)).toEqual([
      'snappy-1:first snappy',
      'snappy-2:second snappy',
      'lz4-1:first lz4',
      'lz4-2:second lz4',
    ]);
  });

  it('Python kafka-python-ng: key, value, partition and headers', async () => {
    const topic = await createTopic(admin, 'python', 2);
    const script = `
import sys
from kafka import KafkaProducer
p = KafkaProducer(bootstrap_servers=sys.argv[1].split(','), acks='all')
p.send(sys.argv[2], key=b'py-key', value='{"lang": "python", "ok": true}'.encode(), partition=1,
       headers=[('origin', b'kafka-python-ng'), ('bin', bytes([0, 1, 254]))])
p.send(sys.argv[2], key=b'gone', value=None, partition=0)
p.send(sys.argv[2], key=None, value=b'no key', partition=0)
p.flush()
p.close()
`;
    await run(python, ['-c', script, sharedKafkaBrokers().join(','), topic]);
    const page = await browse(app, topic, { seek: 'oldest' });
    const keyed = page.messages.find((m) => m.partition === 1);
    expect(keyed).toMatchObject({
      key: { format: 'string', text: 'py-key' },
      value: { format: 'json', text: '{\n  "lang": "python",\n  "ok": true\n}' },
      headers: [
        { key: 'origin', value: { text: 'kafka-python-ng' } },
        { key: 'bin', value: { format: 'hex', text: '0001fe' } },
      ],
    });
    const zero = page.messages.filter((m) => m.partition === 0);
    expect(zero.map((m) => [m.key?.text ?? null, m.value?.text ?? null])).toEqual([
      ['gone', null],
      [null, 'no key'],
    ]);
  });

  it('what Tributary writes, kcat reads back identically', async () => {
    const topic = await createTopic(admin, 'roundtrip');
    const res = await app.inject({
      method: 'POST',
      url: `/api/clusters/local/topics/${topic}/messages`,
      payload: { key: 'rk', value: 'round trip', headers: [{ key: 'h', value: 'x' }] },
    });
    expect(res.statusCode).toBe(201);
    const { stdout } = await run('kcat', [
      '-b',
      sharedKafkaBrokers().join(','),
      '-C',
      '-t',
      topic,
      '-o',
      'beginning',
      '-c',
      '1',
      '-e',
      '-f',
      '%k|%s|%h|%p\n',
    ]);
    expect(stdout).toBe('rk|round trip|h=x|0\n');
  });
});
