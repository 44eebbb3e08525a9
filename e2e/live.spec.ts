import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIRequestContext, Page } from '@playwright/test';
import { FOLLOWING_ROWS } from '../apps/web/src/components/live/following-rows.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);

/** Produces lines to one partition with kcat: another client than Tributary. */
async function kcatProduce(broker: string, topic: string, partition: number, lines: string[]) {
  const child = run('kcat', ['-P', '-b', broker, '-t', topic, '-p', String(partition)], { timeout: 30_000 });
  child.child.stdin?.end(lines.join('\n') + '\n');
  await child;
}

const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Creates a topic, opens its Live tab and starts the tail: answers the topic, the stats bar and the rows. */
async function startLiveTab(page: Page, request: APIRequestContext, prefix: string, partitions = 1) {
  const topic = unique(prefix);
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions } });
  expect(created.ok()).toBe(true);
  await page.goto(`/clusters/local/topics/${topic}/live`);
  await expect(page.getByRole('tab', { name: 'Live', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  const stats = page.getByRole('status', { name: 'Live tail statistics' });
  await expect(stats).toContainText('Live');
  const group = page.getByRole('rowgroup', { name: 'Live message rows' });
  return { topic, stats, group, rows: group.getByRole('row') };
}

test('the Live tab shows messages produced by kcat as they arrive, newest on top; pause holds them until resume', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, stats, rows } = await startLiveTab(page, request, 'live-e2e', 2);

  await kcatProduce(broker, topic, 0, ['first-a', 'first-b']);
  // Shown before the next one is produced: one fetch may carry both partitions, in either order.
  await expect(rows).toHaveCount(2);
  await kcatProduce(broker, topic, 1, ['first-c']);
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('first-c'); // newest on top

  // The same row expansion as the Messages tab.
  await rows.filter({ hasText: 'first-b' }).click();
  await expect(page.getByLabel('Message 0:1')).toContainText('first-b');
  // The details are the row's last cell now (a table row holds cells only): collapse from its first cell.
  await rows.filter({ hasText: 'first-b' }).getByRole('cell').first().click();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(stats).toContainText('Paused');
  await kcatProduce(broker, topic, 0, ['while-paused-1', 'while-paused-2']);
  await expect(stats).toContainText(/Lag\s*2/); // the stats still come: two are waiting
  await expect(rows).toHaveCount(3);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('while-paused-2');
  await expect(rows.nth(1)).toContainText('while-paused-1');
});

test('a filter applies to the running tail, and a bad one is explained', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, group, rows } = await startLiveTab(page, request, 'live-filter');
  await kcatProduce(broker, topic, 0, ['{"level":"info","n":0}', '{"level":"error","n":-1}']);
  await expect(rows).toHaveCount(2);

  // The filter applies to the rows already shown too, then to what arrives.
  await page.getByLabel('Filter expression').fill('value.level == "error"');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('"n":-1');
  await kcatProduce(broker, topic, 0, ['{"level":"info","n":1}', '{"level":"error","n":2}']);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('"n":2');
  await expect(group).not.toContainText('"level":"info"');

  await page.getByLabel('Filter expression').fill('value.level ==');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible(); // still tailing
});

test('another tab of the topic and back: the tail kept running and its rows are still there', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, rows } = await startLiveTab(page, request, 'live-tabs');
  await kcatProduce(broker, topic, 0, ['first', 'second']);
  await expect(rows).toHaveCount(2);

  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByRole('tab', { name: 'Configuration', selected: true })).toBeVisible();
  await kcatProduce(broker, topic, 0, ['third, while away']);
  await page.getByRole('tab', { name: 'Live' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('third, while away');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible(); // still tailing
});

test('a scrolled-away reader keeps their place; a pill counts the new rows', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, group } = await startLiveTab(page, request, 'live-scroll');
  await kcatProduce(
    broker,
    topic,
    0,
    Array.from({ length: FOLLOWING_ROWS }, (_, i) => `row-${i}`),
  );
  await expect(group.getByRole('row')).toHaveCount(FOLLOWING_ROWS);

  await group.evaluate((el) => (el.scrollTop = 300));
  await expect.poll(() => group.evaluate((el) => el.scrollTop)).toBe(300);
  const topRow = await group.getByRole('row').first().textContent();
  await kcatProduce(broker, topic, 0, ['later-1', 'later-2', 'later-3']);
  const pill = page.getByRole('button', { name: /3 new messages/ });
  await expect(pill).toBeVisible();
  expect(await group.evaluate((el) => el.scrollTop)).toBe(300); // nothing moved under the reader
  expect(await group.getByRole('row').first().textContent()).toBe(topRow);

  await pill.click();
  await expect(group.getByRole('row').first()).toContainText('later-3');
  await expect(pill).toBeHidden();
});

test('a dropped connection reconnects by itself, says where it resumed, and loses nothing', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  // Between page and server, so the test can cut the line like a flaky proxy would.
  const lines: { page: { close(o: { code: number }): Promise<void> }; server: { close(): Promise<void> } }[] =
    [];
  await page.routeWebSocket(/\/live$/, (ws) => {
    lines.push({ page: ws, server: ws.connectToServer() });
  });
  const { topic, rows } = await startLiveTab(page, request, 'live-drop', 2);
  await kcatProduce(broker, topic, 0, ['before-1', 'before-2']);
  await expect(rows).toHaveCount(2);

  const line = lines[0]!;
  await line.server.close();
  await line.page.close({ code: 1012 });
  await kcatProduce(broker, topic, 1, ['during-the-drop']);
  await expect(page.getByRole('note')).toContainText(
    'Reconnected; resumed at partition 0 at offset 2, partition 1 at offset 0.',
  );
  expect(lines.length).toBe(2);
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('during-the-drop');
  await kcatProduce(broker, topic, 0, ['after']);
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'before-2' })).toHaveCount(1); // nothing twice
});

test('a topic deleted while tailed ends the tail with the reason on the page', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, stats, rows } = await startLiveTab(page, request, 'live-gone');
  await kcatProduce(broker, topic, 0, ['last-words']);
  await expect(rows).toHaveCount(1);

  expect((await request.delete(`/api/clusters/local/topics/${topic}`)).status()).toBe(204);
  await expect(page.getByRole('alert')).toContainText(`The topic "${topic}" no longer exists`);
  await expect(stats).toContainText('Ended');
  await expect(rows).toHaveCount(1); // what was shown stays readable
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
});

test('while following, the tab draws only the newest 60 rows; the rest of its buffer shows once the reader scrolls', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, stats, group } = await startLiveTab(page, request, 'live-window');
  await kcatProduce(
    broker,
    topic,
    0,
    Array.from({ length: 250 }, (_, i) => `line-${i}`),
  );
  // Every message reached the tab and is in its list (the default buffer keeps 1,000) ...
  await expect(stats).toContainText('Received 250');
  await expect(stats).toContainText('Rows 250');
  // ... but only the newest FOLLOWING_ROWS (60) are in the page while it follows the stream.
  await expect(group.getByRole('row')).toHaveCount(FOLLOWING_ROWS);
  await expect(group.getByRole('row').first()).toContainText('line-249');

  await group.evaluate((el) => (el.scrollTop = 200));
  await expect(group.getByRole('row')).toHaveCount(250);
  await expect(group.getByRole('row').last()).toContainText('line-0');
  await expect(page.getByRole('button', { name: /new message/ })).toBeHidden(); // nothing newer meanwhile
});

test('while following, new messages take over the rows already drawn: the page builds no new row nodes', async ({
  page,
  request,
  bootstrap,
}) => {
  const broker = bootstrap[0]!;
  const { topic, stats, rows } = await startLiveTab(page, request, 'live-reuse');
  const drawn = FOLLOWING_ROWS;
  await kcatProduce(
    broker,
    topic,
    0,
    Array.from({ length: drawn }, (_, i) => `first-${i}`),
  );
  await expect(rows.first()).toContainText(`first-${drawn - 1}`);
  // Mark every row node drawn now; a busy tail that built new nodes per paint made the tab's memory grow.
  await rows.evaluateAll((all) => all.forEach((row) => row.setAttribute('data-probe', '')));

  await kcatProduce(
    broker,
    topic,
    0,
    Array.from({ length: drawn }, (_, i) => `second-${i}`),
  );
  await expect(stats).toContainText(`Received ${2 * drawn}`);
  await expect(rows.first()).toContainText(`second-${drawn - 1}`);
  await expect(rows.last()).toContainText('second-0');
  // The same nodes, each showing a newer message.
  expect(await rows.evaluateAll((all) => all.map((row) => row.hasAttribute('data-probe')))).toEqual(
    Array.from({ length: drawn }, () => true),
  );
});
