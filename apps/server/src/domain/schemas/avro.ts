// Avro through avsc (no codec of our own). Timestamps show as ISO strings and decimals as exact decimal
// strings; union values show unwrapped where the branch is unambiguous (avsc's `auto`).
import avro from 'avsc';

/** timestamp-millis: a Date (JSON shows ISO 8601); written from an ISO string, a Date or epoch millis. */
class TimestampMillis extends avro.types.LogicalType {
  protected override _fromValue(value: number): Date {
    return new Date(value);
  }
  protected override _toValue(value: unknown): number | undefined {
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'string') {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : ms;
    }
    return typeof value === 'number' ? value : undefined;
  }
  protected override _resolve(type: avro.Type): ((value: number) => Date) | undefined {
    if (avro.Type.isType(type, 'long', 'logical:timestamp-millis')) return (v) => this._fromValue(v);
    return undefined;
  }
}

/** decimal (bytes): an exact decimal string such as "12.34", never a float. */
class Decimal extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    this.scale = (schema as { scale?: number }).scale ?? 0;
  }
  protected override _fromValue(value: Buffer): string {
    let n = 0n;
    for (const byte of value) n = (n << 8n) | BigInt(byte);
    if (value.length > 0 && (value[0]! & 0x80) !== 0) n -= 1n << BigInt(value.length * 8);
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale > 0 ? `.${digits.slice(digits.length - this.scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }
  protected override _toValue(value: unknown): Buffer | undefined {
    const text = typeof value === 'number' ? value.toFixed(this.scale) : value;
    if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    if (fraction.length > this.scale) return undefined;
    let n = BigInt(whole + fraction.padEnd(this.scale, '0'));
    if (text.startsWith('-')) n = -n;
    // Big-endian two's complement in the fewest bytes that hold it.
    let size = 1;
    while (n >= 1n << BigInt(8 * size - 1) || n < -(1n << BigInt(8 * size - 1))) size++;
    const unsigned = n < 0n ? (1n << BigInt(8 * size)) + n : n;
    return Buffer.from(unsigned.toString(16).padStart(2 * size, '0'), 'hex');
  }
}

const LOGICAL_TYPES = { 'timestamp-millis': TimestampMillis, decimal: Decimal };

/** An Avro schema (JSON text) and the named types of its references, as an avsc type. */
export function avroType(schema: string, references: string[] = []): avro.Type {
  const registry: Record<string, avro.Type> = {};
  const options = { logicalTypes: LOGICAL_TYPES, registry, wrapUnions: 'auto' as const };
  for (const reference of references) avro.Type.forSchema(JSON.parse(reference) as avro.Schema, options);
  return avro.Type.forSchema(JSON.parse(schema) as avro.Schema, options);
}

/** JSON.stringify's replacer for decoded Avro: bytes and fixed as Avro's JSON encoding (one char per byte). */
export function avroJsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return Buffer.from((value as { data: number[] }).data).toString('latin1');
  }
  return value;
}
