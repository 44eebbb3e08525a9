import { describe, expect, it } from 'vitest';
import { avroJsonReplacer, avroType } from './avro.ts';

describe('Avro through avsc', () => {
  const type = avroType(
    JSON.stringify({
      type: 'record',
      name: 'Payment',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
        { name: 'note', type: ['null', 'string'], default: null },
        { name: 'raw', type: 'bytes' },
      ],
    }),
  );

  it('shows timestamps as ISO strings, decimals exactly, unions unwrapped, bytes one char per byte', () => {
    const bytes = type.toBuffer({
      at: '2026-03-01T10:00:00.000Z',
      amount: '-1234.56',
      note: 'hi',
      raw: Buffer.from([0x41, 0xff]),
    });
    const shown = JSON.parse(JSON.stringify(type.fromBuffer(bytes), avroJsonReplacer)) as unknown;
    expect(shown).toEqual({ at: '2026-03-01T10:00:00.000Z', amount: '-1234.56', note: 'hi', raw: 'Aÿ' });
  });

  it('writes decimals in the fewest two’s complement bytes (as Java’s BigDecimal does)', () => {
    for (const amount of ['0.00', '1.27', '1.28', '-1.28', '-1.29', '99999999.99']) {
      const decoded = type.fromBuffer(type.toBuffer({ at: 0, amount, note: null, raw: Buffer.alloc(0) })) as {
        amount: string;
      };
      expect(decoded.amount).toBe(amount);
    }
  });
});
