import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import type { ErrorBody, ProduceResult, ProduceSummary, UploadEvent } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { browse, createTopic, kafkaTools } from './messages-helpers.ts';

describe('produce', async () => {
  const app = await buildTestApp();
  const { admin } = await kafkaTools();
  const post = (topic: string, path: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/clusters/local/topics/${topic}/messages${path}`, payload });

  it('writes one message with key, headers and a chosen partition, and answers where it went', async () => {
    const topic = await createTopic(admin, 'produce-one', 3);
    const res = await post(topic, '', {
      key: 'order-1',
      value: '{"total": 12}',
      valueFormat: 'json',
      headers: [
        { key: 'source', value: 'ui' },
        { key: 'empty', value: '' },
      ],
      partition: 2,
    });
    expect(res.statusCode).toBe(201);
    const result = res.json<ProduceResult>();
    expect(result).toMatchObject({ partition: 2, offset: '0' });
    expect(Math.abs(result.timestamp - Date.now())).toBeLessThan(60_000);
    const second = (
      await post(topic, '', { key: 'order-1', value: 'again', partition: 2 })
    ).json<ProduceResult>();
    expect(second.offset).toBe('1');
    const page = await browse(app, topic, { seek: 'oldest', partitions: '2' });
    expect(page.messages[0]).toMatchObject({
      partition: 2,
      offset: '0',
      timestamp: result.timestamp,
      key: { text: 'order-1' },
      value: { format: 'json', text: '{\n  "total": 12\n}' },
      headers: [
        { key: 'source', value: { text: 'ui' } },
        { key: 'empty', value: { text: '', size: 0 } },
      ],
    });
  });

  it('writes JSON byte for byte as typed (spacing, key order, 1.50, 2e3, escapes), read back by kcat', async () => {
    const topic = await createTopic(admin, 'produce-json-bytes');
    const typed = '{ "b" :1.50,\n\t"a": [2e3, "caf\\u00e9", "é"] }';
    const res = await post(topic, '', {
      key: '{"id": 1}',
      keyFormat: 'json',
      value: typed,
      valueFormat: 'json',
    });
    expect(res.statusCode).toBe(201);
    const lines = await post(topic, '/lines', { lines: '{"z":1, "a":0.10}', valueFormat: 'json' });
    expect(lines.statusCode).toBe(200);
    const { stdout } = await promisify(execFile)(
      'kcat',
      [
        '-b',
        sharedKafkaBrokers().join(','),
        '-C',
        '-t',
        topic,
        '-o',
        'beginning',
        '-e',
        '-q',
        '-f',
        '%k|%s<END>',
      ],
      { timeout: 30_000 },
    );
    expect(stdout.split('<END>').slice(0, -1)).toEqual([`{"id": 1}|${typed}`, '|{"z":1, "a":0.10}']);
  });

  it('keeps null keys and tombstones as null, and places keyed messages like the Java client', async () => {
    const topic = await createTopic(admin, 'produce-null', 4);
    const tomb = (await post(topic, '', { key: 'k', value: null })).json<ProduceResult>();
    const again = (await post(topic, '', { key: 'k', value: 'v' })).json<ProduceResult>();
    expect(again.partition).toBe(tomb.partition);
    const noKey = await post(topic, '', { key: null, value: 'no key' });
    expect(noKey.statusCode).toBe(201);
    const page = await browse(app, topic, { seek: 'oldest' });
    expect(page.messages.find((m) => m.value === null)?.key?.text).toBe('k');
    expect(page.messages.find((m) => m.value?.text === 'no key')?.key).toBeNull();
  });

  it('refuses bad input with a sentence and never creates a topic', async () => {
    const topic = await createTopic(admin, 'produce-bad', 2);
    const cases: [object, number, RegExp][] = [
      [{ key: null, value: '{oops', valueFormat: 'json' }, 400, /not valid JSON/],
      [{ key: null, value: 'x', partition: 5 }, 400, /partitions 0 to 1; there is no partition 5/],
      [{ key: 'zz', value: 'x', keyFormat: 'hex' }, 400, /not hex/],
      [{ key: null, value: 'x', headers: [{ key: 'h', value: null }] }, 400, /Header "h" has no value/],
      [{ key: null, value: 'x'.repeat(1_200_000) }, 400, /too large|larger/i],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(topic, '', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json<ErrorBody>().message).toMatch(message);
    }
    const missing = await post('no-such-produce-topic', '', { key: null, value: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(await admin.listTopics()).not.toContain('no-such-produce-topic');
  });

  it('writes pasted lines with a key separator, like kafka-console-producer parse.key', async () => {
    const topic = await createTopic(admin, 'produce-lines', 3);
    const res = await post(topic, '/lines', {
      lines: 'a:1\nb:2:two\r\n\nc:3\n',
      separator: ':',
      partition: 1,
    });
    expect(res.json<ProduceSummary>()).toMatchObject({ written: 3, total: 3 });
    const page = await browse(app, topic, { seek: 'oldest' });
    expect(page.messages.map((m) => [m.partition, m.key?.text, m.value?.text])).toEqual([
      [1, 'a', '1'],
      [1, 'b', '2:two'],
      [1, 'c', '3'],
    ]);
    const broken = await post(topic, '/lines', { lines: 'x=1\ny=2\nno separator\nz=3', separator: '=' });
    expect(broken.json<ProduceSummary>()).toMatchObject({
      written: 2,
      total: 4,
      error: { line: 3, message: 'Line 3 has no key separator "=".' },
    });
    // A multi-character separator, JSON mode checking each value: stops at the first bad one.
    const json = await post(topic, '/lines', {
      lines: 'p=>{"a":1}\nq=>{"a":2}\nr=>{oops\ns=>{"a":4}',
      separator: '=>',
      valueFormat: 'json',
      partition: 0,
    });
    expect(json.json<ProduceSummary>()).toMatchObject({
      written: 2,
      total: 4,
      error: { line: 3, message: expect.stringMatching(/value on line 3 is not valid JSON/) as string },
    });
    const zero = await browse(app, topic, {
      seek: 'oldest',
      partitions: '0',
      filter: 'key == "p" || key == "q" || key == "r" || key == "s"',
    });
    expect(zero.messages.map((m) => [m.key?.text, m.value?.text])).toEqual([
      ['p', '{\n  "a": 1\n}'],
      ['q', '{\n  "a": 2\n}'],
    ]);
  });

  const upload = async (topic: string, query: string, body: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/clusters/local/topics/${topic}/messages/upload?${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(body),
    });
    if (res.statusCode !== 200) return { status: res.statusCode, events: [], error: res.json<ErrorBody>() };
    const events = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as UploadEvent);
    return { status: 200, events, error: undefined };
  };

  it('uploads a CSV keyed by a column with one column as the value, with progress to 100%', async () => {
    const topic = await createTopic(admin, 'upload-csv', 2);
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `"${201900000000 + i}";"${(i % 4) + 1}";"Rue ""${i}"", Paris"`,
    );
    const csv = '\uFEFFNum_Acc;grav;adr\r\n' + rows.join('\r\n') + '\r\n';
    const { events } = await upload(
      topic,
      'format=csv&keyColumn=Num_Acc&valueColumns=grav&valueMode=single',
      csv,
    );
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress[0]).toMatchObject({ sent: 0, total: 1200 });
    expect(progress.at(-1)).toMatchObject({ sent: 1200, total: 1200 });
    expect(events.at(-1)).toMatchObject({ type: 'done', written: 1200, total: 1200 });
    const page = await browse(app, topic, { seek: 'oldest', q: '201900000007', limit: 10 });
    expect(page.messages.map((m) => [m.key?.text, m.value?.text])).toEqual([['201900000007', '4']]);
    const asObject = await createTopic(admin, 'upload-csv-object');
    await upload(asObject, 'format=csv&keyColumn=Num_Acc&valueColumns=grav,adr', csv);
    const objects = await browse(app, asObject, { seek: 'oldest', limit: 1 });
    expect(JSON.parse(objects.messages[0]?.value?.text ?? '')).toEqual({ grav: '1', adr: 'Rue "0", Paris' });
  });

  it('types CSV columns in the JSON value (numbers stay numbers, every digit kept); a wrong field stops at its line', async () => {
    const topic = await createTopic(admin, 'upload-csv-typed');
    const csv =
      'id;grav;lat;ok;tags;com\n12345678901234567890;4;48,85;TRUE;["a"];007\n2;;-3.5e2;false;{};Paris\n';
    const types = 'id:number,grav:number,lat:number,ok:boolean,tags:json';
    const { events } = await upload(topic, `format=csv&columnTypes=${encodeURIComponent(types)}`, csv);
    expect(events.at(-1)).toMatchObject({ type: 'done', written: 2, total: 2 });
    const page = await browse(app, topic, { seek: 'oldest', valueFormat: 'string' });
    // The bytes as written: a 20-digit number is not rounded through a double; the untyped column is text.
    expect(page.messages.map((m) => m.value?.text)).toEqual([
      '{"id":12345678901234567890,"grav":4,"lat":48.85,"ok":true,"tags":["a"],"com":"007"}',
      '{"id":2,"grav":null,"lat":-3.5e2,"ok":false,"tags":{},"com":"Paris"}',
    ]);
    const wrong = await createTopic(admin, 'upload-csv-typed-wrong');
    const stopped = await upload(wrong, 'format=csv&columnTypes=n:number', 'n,s\n1,a\n2,b\nabc,c\n4,d\n');
    expect(stopped.events.at(-1)).toMatchObject({
      type: 'done',
      written: 2,
      total: 4,
      error: { line: 4, message: 'Line 4: column "n": "abc" is not a number.' },
    });
    for (const [query, message] of [
      ['columnTypes=nope:number', /columnTypes names the column "nope", which the CSV does not have/],
      ['columnTypes=n:int', /the type of column "n" is "int"; use one of string, number, boolean, json/],
      ['columnTypes=n', /columnTypes entry "n" is not column:type/],
      ['valueColumns=n&valueMode=single&columnTypes=n:number', /use it with valueMode=object/],
    ] as const) {
      const refused = await upload(wrong, `format=csv&${query}`, 'n,s\n1,a\n');
      expect(refused.status).toBe(400);
      expect(refused.error?.message).toMatch(message);
    }
    expect((await browse(app, wrong, { seek: 'oldest' })).messages).toHaveLength(2); // nothing more written
  });

  it('stops a JSON Lines upload at the first bad line and says how many were written', async () => {
    const topic = await createTopic(admin, 'upload-jsonl');
    const lines = ['{"id":1,"v":"a"}', '{"id":2,"v":"b"}', '', '{"id":3,"v":"c"}', '{"id":4,', '{"id":5}'];
    const { events } = await upload(topic, 'format=jsonl&keyField=id', lines.join('\n'));
    expect(events.at(-1)).toMatchObject({ type: 'done', written: 3, total: 5, error: { line: 5 } });
    const page = await browse(app, topic, { seek: 'oldest' });
    expect(page.messages.map((m) => m.key?.text)).toEqual(['1', '2', '3']);
    // A record Kafka refuses (larger than max.message.bytes) in the middle: the lines before it are written.
    const sized = await createTopic(admin, 'upload-too-large');
    const big = JSON.stringify({ id: 3, pad: 'x'.repeat(1_100_000) });
    const mixed = ['{"id":1}', '{"id":2}', big, '{"id":4}'].join('\n');
    const stopped = await upload(sized, 'format=jsonl&keyField=id&partition=0', mixed);
    expect(stopped.events.at(-1)).toMatchObject({
      type: 'done',
      written: 2,
      total: 4,
      error: { line: 3, message: expect.stringMatching(/larger|too large/i) as string },
    });
    const written = await browse(app, sized, { seek: 'oldest' });
    expect(written.messages.map((m) => m.key?.text)).toEqual(['1', '2']);
    // A line too long to be a record is refused without holding the rest of the file.
    const long = await upload(sized, 'format=jsonl', '{"id":5}\n"' + 'y'.repeat(17 << 20));
    expect(long.events.at(-1)).toMatchObject({
      type: 'done',
      written: 1,
      total: 2,
      error: { line: 2, message: 'Line 2 is longer than 16 MiB.' },
    });
    const noPartition = await upload(topic, 'format=jsonl&partition=4', '{"id":1}\n');
    expect(noPartition.status).toBe(400);
    expect(noPartition.error?.message).toMatch(/partitions 0 to 0; there is no partition 4/);
    const linesNoPartition = await post(topic, '/lines', { lines: 'a', partition: 4 });
    expect(linesNoPartition.statusCode).toBe(400);
    expect(linesNoPartition.json<ErrorBody>().message).toMatch(/there is no partition 4/);
    const bad = await upload(topic, 'format=csv&keyColumn=nope', 'a,b\n1,2\n');
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/no column "nope". Its columns: a, b/);
  });
});
