import { describe, expect, it } from 'vitest';
import type { Message } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { browse, createTopic, kafkaTools, send } from './messages-helpers.ts';

const MB = 1_000_000; // below the broker's default max.message.bytes with the record overhead

describe('bounded memory with many 1 MB messages', async () => {
  const app = await buildTestApp();
  const { admin, producer } = await kafkaTools();
  const topic = await createTopic(admin, 'big-values', 2);
  for (let i = 0; i < 40; i++) {
    await send(producer, topic, [
      { partition: i % 2, key: `big-${i}`, value: Buffer.alloc(MB, 97 + (i % 26)) },
    ]);
  }

  it('cuts each value at maxValueBytes, so a page stays small whatever the message sizes', async () => {
    const page = await browse(app, topic, { seek: 'oldest', limit: 40 });
    expect(page.messages).toHaveLength(40);
    for (const m of page.messages) {
      expect(m.value).toMatchObject({ size: MB, truncated: true });
      expect(m.value?.text).toHaveLength(16 * 1024);
    }
    expect(JSON.stringify(page).length).toBeLessThan(40 * 17 * 1024);
  });

  it('reading backward (seek=newest) over the same messages stays as small, newest first', async () => {
    const page = await browse(app, topic, { seek: 'newest', limit: 40 });
    expect(page.messages.map((m) => m.key?.text)).toEqual(
      Array.from({ length: 40 }, (_, i) => `big-${39 - i}`),
    );
    expect(page.messages.every((m) => m.value?.truncated && m.value.text.length === 16 * 1024)).toBe(true);
    expect(JSON.stringify(page).length).toBeLessThan(40 * 17 * 1024);
  });

  it('ends a page early at the page budget when values may be large, and the cursor continues exactly', async () => {
    const first = await browse(app, topic, { seek: 'oldest', limit: 40, maxValueBytes: 1 << 20 });
    expect(first.partial).toBe(true);
    expect(first.messages.length).toBeGreaterThan(0);
    expect(first.messages.length).toBeLessThan(20); // 16 MiB of text at most, and a message is 1 MB
    const seen: Message[] = [...first.messages];
    let cursor = first.cursor;
    while (cursor) {
      const page = await browse(app, topic, { cursor, limit: 40, maxValueBytes: 1 << 20 });
      seen.push(...page.messages);
      cursor = page.cursor;
    }
    expect(seen.map((m) => m.key?.text)).toEqual(Array.from({ length: 40 }, (_, i) => `big-${i}`));
    expect(seen.every((m) => m.value?.text.length === MB && !m.value.truncated)).toBe(true);
  });

  it('the whole-message endpoint returns the full value', async () => {
    const res = await app.inject(`/api/clusters/local/topics/${topic}/messages/1/3`);
    const m = res.json<Message>();
    expect(m.key?.text).toBe('big-7');
    expect(m.value).toMatchObject({ size: MB, truncated: false });
    expect(m.value?.text).toBe('h'.repeat(MB));
  });
});
