// A filtered page of messages passes over records its filter cannot match by their bytes (the search's
// pre-check), within the same bound as before: 20,000 offsets a page, then `partial` and a cursor. Paging on
// finds exactly what a filter without a pre-check (every record decoded) finds.
import { describe, expect, it } from 'vitest';
import type { MessagePage } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { browse, createTopic, kafkaTools, send } from './messages-helpers.ts';

const COUNT = 30_000;

describe('filtered browse with the pre-check', async () => {
  const app = await buildTestApp();
  const { admin, producer } = await kafkaTools();
  const topic = await createTopic(admin, 'filtered-browse', 2);
  const lyon = new Set([3, 4_000, 29_990]);
  for (let from = 0; from < COUNT; from += 5_000) {
    await send(
      producer,
      topic,
      Array.from({ length: 5_000 }, (_, j) => {
        const i = from + j;
        const city = !lyon.has(i) ? 'Paris' : i === 4_000 ? 'Ly\\u006fn' : 'Lyon'; // one only decoded shows it
        return { partition: i % 2, key: `k${i}`, value: `{"i":${i},"city":"${city}"}` };
      }),
    );
  }

  /** Every page of a filtered read, following the cursor; the first page's `partial` and `scanned`. */
  async function allPages(filter: string, seek: 'newest' | 'oldest') {
    const pages: MessagePage[] = [await browse(app, topic, { seek, filter, limit: 10 })];
    while (pages.at(-1)!.cursor && pages.length < 20)
      pages.push(await browse(app, topic, { cursor: pages.at(-1)!.cursor!, filter, limit: 10 }));
    return {
      first: pages[0]!,
      found: pages.flatMap((p) => p.messages.map((m) => JSON.parse(m.value!.text).i as number)),
    };
  }

  it.each(['newest', 'oldest'] as const)(
    'seek=%s: pages on within the bound and loses no match',
    async (seek) => {
      const checked = await allPages('value.city == "Lyon"', seek);
      const decoded = await allPages('!(value.city != "Lyon")', seek); // no text it needs: all decoded
      // The same messages in the same order (time, then partition) as when every record is decoded.
      expect(checked.found).toEqual(decoded.found);
      expect([...checked.found].sort((a, b) => a - b)).toEqual([3, 4_000, 29_990]);
      // Each page still ends at its bound: 20,000 offsets passed over (a little more: a fetch's worth).
      expect(checked.first.partial).toBe(true);
      expect(checked.first.scanned).toBeGreaterThanOrEqual(20_000);
      expect(checked.first.scanned).toBeLessThan(COUNT);
    },
  );
});
