// The real Schema Registry (Apicurio, started by the launcher) and a real client no one here wrote:
// Confluent's Python client with its AvroSerializer produces; Tributary decodes and manages the registry.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { sharedKafkaBrokers, sharedSchemaRegistry, uniqueName } from '@tributary/local-kafka/testing';
import type { ErrorBody, MessagePage, SubjectDetail, SubjectList } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { createTopic, kafkaTools, send } from './messages-helpers.ts';

const python = process.env.TRIBUTARY_PYTHON ?? `${homedir()}/.cache/tributary/python/bin/python`;

const USER_V1 = {
  type: 'record',
  name: 'User',
  namespace: 'tributary.test',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'age', type: 'int' },
    { name: 'email', type: ['null', 'string'], default: null },
    { name: 'joined', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};
const USER_V2 = {
  ...USER_V1,
  fields: [...USER_V1.fields, { name: 'city', type: ['null', 'string'], default: null }],
};

/** confluent-kafka's Producer + AvroSerializer: registers the schema under `<topic>-value` and produces. */
function confluentProduceAvro(topic: string, registry: string, schema: object, records: object[]) {
  const script = `
import json, sys
from confluent_kafka import Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.serialization import SerializationContext, MessageField
brokers, topic, url, schema, records = sys.argv[1:6]
serializer = AvroSerializer(SchemaRegistryClient({'url': url}), schema)
producer = Producer({'bootstrap.servers': brokers})
for record in json.loads(records):
    producer.produce(topic, key=record['name'].encode(), value=serializer(record, SerializationContext(topic, MessageField.VALUE)))
assert producer.flush(30) == 0
`;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      python,
      [
        '-c',
        script,
        sharedKafkaBrokers().join(','),
        topic,
        registry,
        JSON.stringify(schema),
        JSON.stringify(records),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
    );
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`confluent-kafka failed: ${err}`)),
    );
  });
}

/** confluent-kafka's Consumer + AvroDeserializer (assigned partitions, no commits): the values as JSON. */
function confluentConsumeAvro(topic: string, registry: string, count: number): Promise<unknown[]> {
  const script = `
import json, sys
from confluent_kafka import Consumer, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import SerializationContext, MessageField
brokers, topic, url, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
deserializer = AvroDeserializer(SchemaRegistryClient({'url': url}))
consumer = Consumer({'bootstrap.servers': brokers, 'group.id': 'unused', 'enable.auto.commit': False})
consumer.assign([TopicPartition(topic, 0, 0)])
values = []
while len(values) < count:
    message = consumer.poll(10)
    if message is None:
        break
    if message.error():
        raise Exception(message.error())
    values.append(deserializer(message.value(), SerializationContext(topic, MessageField.VALUE)))
consumer.close()
print(json.dumps(values, default=lambda v: v.isoformat()))
`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      python,
      ['-c', script, sharedKafkaBrokers().join(','), topic, registry, String(count)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as unknown[])
        : reject(new Error(`confluent-kafka failed: ${err}`)),
    );
  });
}

const ORDER_PROTO = `syntax = "proto3";
package shop;

message Order {
  string id = 1;
  Status status = 2;
  int64 cents = 3;
  Line line = 4;
  message Line {
    string sku = 1;
  }
}

enum Status {
  NEW = 0;
  PAID = 1;
}
`;

/**
 * Google's protobuf library and confluent-kafka's ProtobufDeserializer over the same Order message, its
 * class made from a descriptor at run time (no protoc). \`produce\` writes one Order with the subject's latest schema;
 * \`read\` answers what the deserializer makes of the topic's records, as JSON.
 */
function confluentProtobuf(mode: 'produce' | 'read', topic: string, registry: string): Promise<unknown[]> {
  const script = `
import json, sys
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
from confluent_kafka.serialization import SerializationContext, MessageField
mode, brokers, topic, url = sys.argv[1:5]
f = descriptor_pb2.FileDescriptorProto(name='order.proto', package='shop', syntax='proto3')
order = f.message_type.add(name='Order')
order.field.add(name='id', number=1, type=9, label=1)
order.field.add(name='status', number=2, type=14, label=1, type_name='.shop.Status')
order.field.add(name='cents', number=3, type=3, label=1)
order.field.add(name='line', number=4, type=11, label=1, type_name='.shop.Order.Line')
order.nested_type.add(name='Line').field.add(name='sku', number=1, type=9, label=1)
status = f.enum_type.add(name='Status')
status.value.add(name='NEW', number=0)
status.value.add(name='PAID', number=1)
Order = message_factory.GetMessageClass(descriptor_pool.DescriptorPool().Add(f).message_types_by_name['Order'])
context = SerializationContext(topic, MessageField.VALUE)
if mode == 'produce':
    # ProtobufSerializer asks the registry for the schema as a serialized descriptor (format=serialized),
    # which Apicurio does not serve: the framing is written as the serializer writes it (id, then the
    # message index 0 as one zero byte), the payload by Google's protobuf library.
    schema_id = SchemaRegistryClient({'url': url}).get_latest_version(topic + '-value').schema_id
    payload = Order(id='o-1', status=1, cents=12345678901234, line=Order.Line(sku='book')).SerializeToString()
    producer = Producer({'bootstrap.servers': brokers})
    producer.produce(topic, value=b'\\x00' + schema_id.to_bytes(4, 'big') + b'\\x00' + payload)
    assert producer.flush(30) == 0
    print('[]')
else:
    deserializer = ProtobufDeserializer(Order, {'use.deprecated.format': False})
    consumer = Consumer({'bootstrap.servers': brokers, 'group.id': 'unused', 'enable.auto.commit': False})
    consumer.assign([TopicPartition(topic, 0, 0)])
    values = []
    while True:
        message = consumer.poll(5)
        if message is None:
            break
        values.append(json_format.MessageToDict(deserializer(message.value(), context), preserving_proto_field_name=True))
    consumer.close()
    print(json.dumps(values))
`;
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', script, mode, sharedKafkaBrokers().join(','), topic, registry], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as unknown[])
        : reject(new Error(`confluent-kafka failed: ${err}`)),
    );
  });
}

const MONEY_PROTO = `syntax = "proto3";
package shop;

message Money {
  string currency = 1;
  int64 units = 2;
}
`;
const INVOICE_PROTO = `syntax = "proto3";
package shop;
import "money.proto";

message Invoice {
  string id = 1;
  Money total = 2;
}
`;

/**
 * An Invoice whose \`total\` is a Money imported from money.proto (same package), both files made as
 * descriptors for Google's protobuf library; \`produce\` frames one as ProtobufSerializer does, \`read\`
 * answers what confluent-kafka's ProtobufDeserializer makes of the topic's records.
 */
function confluentInvoice(mode: 'produce' | 'read', topic: string, registry: string): Promise<unknown[]> {
  const script = `
import json, sys
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
from confluent_kafka.serialization import SerializationContext, MessageField
mode, brokers, topic, url = sys.argv[1:5]
money = descriptor_pb2.FileDescriptorProto(name='money.proto', package='shop', syntax='proto3')
m = money.message_type.add(name='Money')
m.field.add(name='currency', number=1, type=9, label=1)
m.field.add(name='units', number=2, type=3, label=1)
invoice = descriptor_pb2.FileDescriptorProto(name='invoice.proto', package='shop', syntax='proto3', dependency=['money.proto'])
i = invoice.message_type.add(name='Invoice')
i.field.add(name='id', number=1, type=9, label=1)
i.field.add(name='total', number=2, type=11, label=1, type_name='.shop.Money')
pool = descriptor_pool.DescriptorPool()
pool.Add(money)
Invoice = message_factory.GetMessageClass(pool.Add(invoice).message_types_by_name['Invoice'])
Money = message_factory.GetMessageClass(pool.FindMessageTypeByName('shop.Money'))
context = SerializationContext(topic, MessageField.VALUE)
if mode == 'produce':
    schema_id = SchemaRegistryClient({'url': url}).get_latest_version(topic + '-value').schema_id
    payload = Invoice(id='i-1', total=Money(currency='EUR', units=1250)).SerializeToString()
    producer = Producer({'bootstrap.servers': brokers})
    producer.produce(topic, value=b'\\x00' + schema_id.to_bytes(4, 'big') + b'\\x00' + payload)
    assert producer.flush(30) == 0
    print('[]')
else:
    deserializer = ProtobufDeserializer(Invoice, {'use.deprecated.format': False})
    consumer = Consumer({'bootstrap.servers': brokers, 'group.id': 'unused', 'enable.auto.commit': False})
    consumer.assign([TopicPartition(topic, 0, 0)])
    values = []
    while True:
        message = consumer.poll(5)
        if message is None:
            break
        values.append(json_format.MessageToDict(deserializer(message.value(), context), preserving_proto_field_name=True))
    consumer.close()
    print(json.dumps(values))
`;
  return runPython(script, [mode, sharedKafkaBrokers().join(','), topic, registry]);
}

/** Runs a Python script in the venv; its stdout is JSON. */
function runPython(script: string, args: string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as unknown[])
        : reject(new Error(`confluent-kafka failed: ${err}`)),
    );
  });
}

/** The wire format by hand: magic byte 0, the 4-byte schema id, the payload. */
function wire(id: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, payload]);
}

describe('Schema Registry: decoding and management', async () => {
  const registry = await sharedSchemaRegistry();
  const brokers = sharedKafkaBrokers();
  const app = await buildTestApp(
    [
      { name: 'sr', bootstrapServers: brokers, schemaRegistry: { url: registry } },
      // Nothing listens on port 9 (discard): a registry that is down.
      {
        name: 'sr-down',
        bootstrapServers: brokers,
        schemaRegistry: { url: 'http://127.0.0.1:9/apis/ccompat/v7' },
      },
    ],
    // The down one is refused at once; the real one may be slow on a loaded runner.
    { schemaRegistryTimeoutMs: 10_000 },
  );
  const { admin, producer } = await kafkaTools();

  const page = async (cluster: string, topic: string, query = '') => {
    const res = await app.inject(`/api/clusters/${cluster}/topics/${topic}/messages?seek=oldest${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MessagePage>();
  };

  it('decodes Avro produced by Confluent’s serializer, v1 and v2 records in one page, and filters on a field', async () => {
    const topic = await createTopic(admin, 'sr-avro');
    const joined = Date.parse('2026-03-01T10:00:00.000Z');
    await confluentProduceAvro(topic, registry, USER_V1, [
      { name: 'alice', age: 31, email: 'alice@example.com', joined },
      { name: 'bob', age: 45, email: null, joined },
    ]);
    // v2 adds an optional field: compatible under BACKWARD, registered by the serializer as version 2.
    await confluentProduceAvro(topic, registry, USER_V2, [
      { name: 'carol', age: 28, email: null, joined, city: 'Lyon' },
    ]);

    const { messages } = await page('sr', topic);
    expect(messages.map((m) => m.value?.format)).toEqual(['avro', 'avro', 'avro']);
    expect(JSON.parse(messages[0]!.value!.text)).toEqual({
      name: 'alice',
      age: 31,
      email: 'alice@example.com',
      joined: '2026-03-01T10:00:00.000Z',
    });
    expect(JSON.parse(messages[2]!.value!.text)).toMatchObject({ name: 'carol', city: 'Lyon' });
    expect(messages[0]!.value!.schema).toMatchObject({ subject: `${topic}-value`, version: 1, type: 'AVRO' });
    expect(messages[2]!.value!.schema).toMatchObject({ subject: `${topic}-value`, version: 2, type: 'AVRO' });
    expect(messages[0]!.key).toMatchObject({ format: 'string', text: 'alice' });

    const filtered = await page('sr', topic, `&filter=${encodeURIComponent('value.age > 30')}`);
    expect(filtered.messages.map((m) => m.key?.text)).toEqual(['alice', 'bob']);

    // An explicit format says so when a record is not what was asked for; the page still answers.
    const asJsonSchema = await page('sr', topic, '&keyFormat=avro');
    expect(asJsonSchema.messages[0]!.key).toMatchObject({
      format: 'hex',
      error: expect.stringMatching(/wire format/),
    });
  });

  it('decodes JSON Schema records, and shows an unknown schema id and a plain record without failing the page', async () => {
    const topic = await createTopic(admin, 'sr-json');
    const subject = `${topic}-value`;
    const registered = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/schemas/${subject}`,
      payload: {
        schemaType: 'JSON',
        schema: JSON.stringify({ type: 'object', properties: { n: { type: 'integer' } } }),
      },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const { id } = registered.json<{ id: number; version: number }>();
    await send(producer, topic, [
      { value: wire(id, Buffer.from(JSON.stringify({ n: 7 }))) },
      { value: wire(987_654, Buffer.from('whatever')) },
      { value: JSON.stringify({ plain: true }) },
    ]);
    const { messages } = await page('sr', topic);
    expect(messages[0]!.value).toMatchObject({ format: 'jsonschema', schema: { id, subject, version: 1 } });
    expect(JSON.parse(messages[0]!.value!.text)).toEqual({ n: 7 });
    expect(messages[1]!.value).toMatchObject({
      format: 'hex',
      error: expect.stringMatching(/Schema id 987654 is unknown to the Schema Registry/),
    });
    expect(messages[2]!.value).toMatchObject({ format: 'json' });

    // A registry that is down: the same records as hex with the reason, plain formats unchanged.
    const down = await page('sr-down', topic);
    expect(down.messages[0]!.value).toMatchObject({
      format: 'hex',
      error: expect.stringMatching(/unreachable/),
    });
    expect(down.messages[2]!.value).toMatchObject({ format: 'json' });
    const list = await app.inject('/api/clusters/sr-down/schemas');
    expect(list.statusCode).toBe(503);
    expect(list.json<ErrorBody>()).toMatchObject({
      code: 'SCHEMA_REGISTRY_UNAVAILABLE',
      message: expect.stringMatching(/Schema Registry of cluster "sr-down" is unreachable/),
    });

    // Producing with the JSON Schema validates first: a 400 names the first invalid field.
    const produce = (value: object) =>
      app.inject({
        method: 'POST',
        url: `/api/clusters/sr/topics/${topic}/messages`,
        payload: { key: null, value: JSON.stringify(value), valueSchema: { subject } },
      });
    const wrong = await produce({ n: 'seven' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().message).toMatch(
      /does not match .* version 1: field "n" does not match the schema \(must be integer\)/,
    );
    expect((await produce({ n: 8 })).statusCode).toBe(201);
    const after = await page('sr', topic);
    expect(after.messages.map((m) => m.value?.text)).toHaveLength(4);
    expect(JSON.parse(after.messages[3]!.value!.text)).toEqual({ n: 8 });
    expect(after.messages[3]!.value!.schema).toMatchObject({ id, type: 'JSON' });
  });

  it('produces Avro from JSON with the subject’s latest version, read back by confluent-kafka’s deserializer', async () => {
    const topic = await createTopic(admin, 'sr-produce');
    const subject = `${topic}-value`;
    const registered = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/schemas/${subject}`,
      payload: { schema: JSON.stringify(USER_V1) },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const produce = (value: object) =>
      app.inject({
        method: 'POST',
        url: `/api/clusters/sr/topics/${topic}/messages`,
        payload: { key: 'dave', value: JSON.stringify(value), valueSchema: { subject } },
      });
    const dave = { name: 'dave', age: 52, email: 'dave@example.com', joined: '2026-04-02T08:30:00.000Z' };
    expect((await produce(dave)).statusCode).toBe(201);
    const wrong = await produce({ ...dave, age: 'old' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().message).toMatch(
      new RegExp(`The value does not match ${subject} version 1: field "age" does not match the schema`),
    );

    const [read] = await confluentConsumeAvro(topic, registry, 1);
    // fastavro gives the timestamp as a datetime (printed in ISO form with its +00:00 zone).
    expect(read).toEqual({ ...dave, joined: '2026-04-02T08:30:00+00:00' });
    const { messages } = await page('sr', topic);
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!.value!.text)).toEqual(dave);
  });

  it('encodes pasted lines and a CSV upload with a value schema; a bad row refuses all, naming line and field', async () => {
    const topic = await createTopic(admin, 'sr-bulk');
    const subject = `${topic}-value`;
    await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/schemas/${subject}`,
      payload: { schema: JSON.stringify(USER_V1) },
    });
    const lines = (text: string) =>
      app.inject({
        method: 'POST',
        url: `/api/clusters/sr/topics/${topic}/messages/lines`,
        payload: { lines: text, separator: '|', valueSchema: { subject, version: 1 } },
      });
    const user = (name: string, age: unknown) =>
      `${name}|${JSON.stringify({ name, age, email: null, joined: '2026-05-01T00:00:00.000Z' })}`;
    const refused = await lines([user('eve', 20), user('finn', 'x'), user('gus', 3)].join('\n'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().message).toBe(
      `The value on line 2 does not match ${subject} version 1: field "age" does not match the schema.`,
    );
    expect((await lines([user('eve', 20), user('finn', 21)].join('\n'))).json()).toMatchObject({
      written: 2,
      total: 2,
    });

    // CSV cells are text; numbers and empty (null) cells become what the schema wants.
    const upload = (csv: string) =>
      app.inject({
        method: 'POST',
        url: `/api/clusters/sr/topics/${topic}/messages/upload?format=csv&keyColumn=name&valueSubject=${subject}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(csv),
      });
    const header = 'name,age,email,joined\n';
    const bad = await upload(
      `${header}gus,3,,2026-05-01T00:00:00.000Z\nhal,three,,2026-05-01T00:00:00.000Z\n`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toMatch(/^The value on line 3 does not match .* field "age"/);
    const good = await upload(
      `${header}gus,3,,2026-05-01T00:00:00.000Z\nhal,4,h@example.com,2026-05-01T00:00:00.000Z\n`,
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.body).toContain('"written":2');

    const { messages } = await page('sr', topic);
    expect(messages.map((m) => [m.key?.text, m.value?.format])).toEqual([
      ['eve', 'avro'],
      ['finn', 'avro'],
      ['gus', 'avro'],
      ['hal', 'avro'],
    ]);
    expect(JSON.parse(messages[3]!.value!.text)).toEqual({
      name: 'hal',
      age: 4,
      email: 'h@example.com',
      joined: '2026-05-01T00:00:00.000Z',
    });
    // Confluent's deserializer reads them too.
    expect(await confluentConsumeAvro(topic, registry, 4)).toHaveLength(4);
  });

  it('decodes Protobuf in Confluent’s framing (enums by name), and writes Protobuf that Confluent’s deserializer reads', async () => {
    const topic = await createTopic(admin, 'sr-proto');
    const subject = `${topic}-value`;
    const registered = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/schemas/${subject}`,
      payload: { schema: ORDER_PROTO, schemaType: 'PROTOBUF' },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    await confluentProtobuf('produce', topic, registry);
    const produced = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/topics/${topic}/messages`,
      payload: {
        key: null,
        value: JSON.stringify({ id: 'o-2', status: 'NEW', cents: '7', line: { sku: 'pen' } }),
        valueSchema: { subject },
      },
    });
    expect(produced.statusCode, produced.body).toBe(201);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/topics/${topic}/messages`,
      payload: { key: null, value: JSON.stringify({ id: 'o-3', status: 'LOST' }), valueSchema: { subject } },
    });
    expect(refused.json<ErrorBody>().message).toMatch(/field "status" does not match the schema/);

    const { messages } = await page('sr', topic);
    expect(messages.map((m) => m.value?.format)).toEqual(['protobuf', 'protobuf']);
    expect(messages[0]!.value!.schema).toMatchObject({ subject, version: 1, type: 'PROTOBUF' });
    expect(JSON.parse(messages[0]!.value!.text)).toEqual({
      id: 'o-1',
      status: 'PAID',
      cents: '12345678901234',
      line: { sku: 'book' },
    });
    // Confluent's deserializer reads both: its own record and ours.
    expect(await confluentProtobuf('read', topic, registry)).toEqual([
      { id: 'o-1', status: 'PAID', cents: '12345678901234', line: { sku: 'book' } },
      { id: 'o-2', cents: '7', line: { sku: 'pen' } },
    ]);
  });

  it('reads and writes Protobuf whose message imports a type from a referenced subject, with confluent-kafka', async () => {
    const topic = await createTopic(admin, 'sr-proto-import');
    const moneySubject = `${topic}-money`;
    const register = (subject: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/clusters/sr/schemas/${subject}`, payload });
    const money = await register(moneySubject, { schema: MONEY_PROTO, schemaType: 'PROTOBUF' });
    expect(money.statusCode, money.body).toBe(200);
    const invoice = await register(`${topic}-value`, {
      schema: INVOICE_PROTO,
      schemaType: 'PROTOBUF',
      references: [{ name: 'money.proto', subject: moneySubject, version: 1 }],
    });
    expect(invoice.statusCode, invoice.body).toBe(200);

    await confluentInvoice('produce', topic, registry);
    const produced = await app.inject({
      method: 'POST',
      url: `/api/clusters/sr/topics/${topic}/messages`,
      payload: {
        key: null,
        value: JSON.stringify({ id: 'i-2', total: { currency: 'USD', units: '99' } }),
        valueSchema: { subject: `${topic}-value` },
      },
    });
    expect(produced.statusCode, produced.body).toBe(201);

    const { messages } = await page('sr', topic);
    expect(messages.map((m) => JSON.parse(m.value!.text) as unknown)).toEqual([
      { id: 'i-1', total: { currency: 'EUR', units: '1250' } },
      { id: 'i-2', total: { currency: 'USD', units: '99' } },
    ]);
    expect(await confluentInvoice('read', topic, registry)).toEqual([
      { id: 'i-1', total: { currency: 'EUR', units: '1250' } },
      { id: 'i-2', total: { currency: 'USD', units: '99' } },
    ]);
  });

  it('lists, registers, checks, refuses an incompatible version with the reason, and deletes', async () => {
    const subject = `${uniqueName('sr-manage')}-value`;
    const base = `/api/clusters/sr/schemas/${subject}`;
    const post = (url: string, schema: object) =>
      app.inject({ method: 'POST', url, payload: { schema: JSON.stringify(schema) } });
    expect((await post(base, USER_V1)).json()).toMatchObject({ version: 1 });
    const compat = await app.inject({
      method: 'PUT',
      url: `${base}/compatibility`,
      payload: { compatibility: 'BACKWARD' },
    });
    expect(compat.json()).toEqual({ compatibility: 'BACKWARD' });

    const renamed = { ...USER_V1, fields: [{ name: 'name', type: 'int' }] };
    expect((await post(`${base}/check`, renamed)).json()).toMatchObject({ compatible: false });
    expect((await post(`${base}/check`, USER_V2)).json()).toMatchObject({ compatible: true });
    const refused = await post(base, renamed);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>()).toMatchObject({
      code: 'SCHEMA_INCOMPATIBLE',
      message: expect.stringMatching(/incompatible/i),
    });
    expect((await post(base, USER_V2)).json()).toMatchObject({ version: 2 });

    const detail = (await app.inject(base)).json<SubjectDetail>();
    expect(detail).toMatchObject({ subject, versions: [1, 2], compatibility: 'BACKWARD' });
    expect(JSON.parse(detail.latest.schema)).toEqual(USER_V2);
    const v1 = await app.inject(`${base}/versions/1`);
    expect(JSON.parse(v1.json<{ schema: string }>().schema)).toEqual(USER_V1);
    expect((await app.inject(`${base}/versions/first`)).json<ErrorBody>()).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/whole number/),
    });
    const byId = await app.inject(`/api/clusters/sr/schemas/ids/${detail.latest.id}`);
    expect(byId.json()).toMatchObject({
      type: 'AVRO',
      subjects: expect.arrayContaining([{ subject, version: 2 }]),
    });

    const list = (await app.inject(`/api/clusters/sr/schemas?search=${subject}`)).json<SubjectList>();
    expect(list.items).toEqual([
      { subject, latestVersion: 2, latestId: detail.latest.id, type: 'AVRO', compatibility: 'BACKWARD' },
    ]);

    expect((await app.inject({ method: 'DELETE', url: `${base}/versions/2` })).json()).toEqual({
      versions: [2],
    });
    expect((await app.inject(base)).json<SubjectDetail>().versions).toEqual([1]);
    // A hard delete only removes what a soft delete hid: a live version or subject is refused with a sentence.
    const del = (url: string) => app.inject({ method: 'DELETE', url });
    const liveVersion = await del(`${base}/versions/1?permanent=true`);
    expect(liveVersion.statusCode).toBe(409);
    expect(liveVersion.json<ErrorBody>().message).toMatch(/still live: delete it first \(a soft delete\)/);
    expect((await del(`${base}/versions/2?permanent=true`)).json()).toEqual({ versions: [2] });
    const liveSubject = await del(`${base}?permanent=true`);
    expect(liveSubject.statusCode).toBe(409);
    expect(liveSubject.json<ErrorBody>().message).toMatch(/is still live/);
    expect((await del(base)).json()).toEqual({ versions: [1] });
    expect((await app.inject(base)).statusCode).toBe(404);
    expect((await del(`${base}?permanent=true`)).json()).toEqual({ versions: [1] });
    // Gone for good: a second permanent delete finds nothing.
    expect((await del(`${base}?permanent=true`)).statusCode).toBe(404);
    expect((await app.inject('/api/clusters/local/schemas')).json<ErrorBody>()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no Schema Registry configured/),
    });
  });
});
