import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Message } from '@tributary/contract';
import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

const run = promisify(execFile);

/** `key|value` of every message of one partition, read by kcat (a client that is not Tributary). */
async function kcatRead(broker: string, topic: string, partition: number): Promise<string[]> {
  const { stdout } = await run(
    'kcat',
    [
      '-b',
      broker,
      '-C',
      '-t',
      topic,
      '-p',
      String(partition),
      '-o',
      'beginning',
      '-e',
      '-q',
      '-f',
      '%k|%s\n',
    ],
    {
      timeout: 30_000,
    },
  );
  return stdout.split('\n').filter(Boolean);
}

test('produce keyed messages into a partition, find them by filter, upload a CSV, export the result', async ({
  page,
  bootstrap,
  request,
}) => {
  test.setTimeout(180_000);
  const broker = bootstrap[0]!;
  const topic = `e2e-messages-${Date.now().toString(36)}`;
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 3 } });
  expect(created.status()).toBe(201);
  const messages = new MessagesPage(page);
  await messages.goto(topic);

  // Many at once, key separator ":", into partition 2.
  await messages.openProduce('Many (lines)');
  const lines = messages.produce.getByRole('form', { name: 'Produce lines' });
  await lines.getByLabel('Partition').selectOption('2');
  await lines.getByLabel(/Key separator/).fill(':');
  await lines
    .getByLabel(/Lines, one message each/)
    .fill('order-1:{"city":"Lyon","n":1}\norder-2:{"city":"Paris","n":2}\norder-3:{"city":"Lyon","n":3}');
  await lines.getByRole('button', { name: 'Produce lines' }).click();
  await expect(lines.getByRole('status')).toHaveText('Wrote 3 of 3 messages.');

  // One message with a header, into partition 1.
  await messages.openProduce('One message');
  const one = messages.produce.getByRole('form', { name: 'Produce one message' });
  await one.getByLabel('Partition').selectOption('1');
  await one.getByLabel('Key', { exact: true }).fill('order-4');
  // JSON mode: the server's refusal of a value that does not parse is shown.
  const valueBox = one.getByRole('textbox', { name: 'Value', exact: true });
  await valueBox.fill('{"city":"Lyon",');
  await one.getByLabel('Value is JSON (checked)').check();
  await one.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(one.getByRole('alert')).toContainText('The value is not valid JSON');
  await valueBox.fill('{"city":"Lyon","n":4}');
  await one.getByRole('button', { name: 'Add header' }).click();
  await one.getByLabel('Header 1 name').fill('source');
  await one.getByLabel('Header 1 value').fill('e2e');
  await one.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(one.getByRole('status')).toHaveText('Written to partition 1 at offset 0.');
  expect(await kcatRead(broker, topic, 2)).toEqual([
    'order-1|{"city":"Lyon","n":1}',
    'order-2|{"city":"Paris","n":2}',
    'order-3|{"city":"Lyon","n":3}',
  ]);

  // Find them by filter.
  await messages.applyFilter('value.city == "Lyon" && partition == 2');
  await expect(messages.rows()).toHaveCount(2);
  await expect(messages.rows().nth(0).getByRole('cell').nth(3)).toHaveText('order-1');
  await expect(messages.rows().nth(1).getByRole('cell').nth(3)).toHaveText('order-3');
  await messages.applyFilter('headers.source == "e2e"');
  await expect(messages.rows()).toHaveCount(1);
  await messages.rows().first().click();
  const details = page.getByLabel('Message 1:0');
  await expect(details).toContainText('source');
  await expect(details).toContainText('"n": 4');
  await expect(details.getByRole('button', { name: 'Copy value' })).toBeVisible();
  await page.screenshot({ path: 'test-results/messages-details.png' });
  await messages.applyFilter('value.city ==');
  await expect(page.getByRole('alert')).toContainText('Filter syntax error at character 14');

  // Upload a CSV keyed by Num_Acc with grav as the value; the progress bar reaches 100%.
  const dir = mkdtempSync(join(tmpdir(), 'e2e-csv-'));
  const csvPath = join(dir, 'accidents.csv');
  const rows = Array.from({ length: 2000 }, (_, i) => `"${202200000000 + i}";"${(i % 4) + 1}";"Paris"`);
  writeFileSync(csvPath, 'Num_Acc;grav;com\n' + rows.join('\n') + '\n');
  await messages.openProduce('From a file');
  await messages.produce.getByLabel('File (CSV or JSON Lines)').setInputFiles(csvPath);
  await messages.produce.getByLabel('Key column').selectOption('Num_Acc');
  await messages.produce.getByRole('checkbox', { name: 'com' }).uncheck();
  await messages.produce.getByRole('checkbox', { name: 'Num_Acc' }).uncheck();
  await messages.produce.getByRole('radio', { name: 'Single column text' }).check();
  await messages.produce.getByLabel('Partition').selectOption('0');
  await messages.produce.getByRole('button', { name: 'Send file' }).click();
  await expect(messages.produce.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(messages.produce.getByRole('status')).toHaveText('Wrote 2,000 of 2,000 messages.');
  const partition0 = await kcatRead(broker, topic, 0);
  expect(partition0).toHaveLength(2000);
  expect(partition0[7]).toBe('202200000007|4');

  // A server-side search over the whole topic, with progress to 100%: it uses the filter as typed (no Apply).
  await messages.browse.getByLabel('Filter expression').fill('value == 4 || value.n == 4');
  await page.getByRole('button', { name: 'Search on the server' }).click();
  await expect(page.getByRole('progressbar', { name: 'Search progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(page.getByRole('region', { name: 'Search' }).getByRole('status')).toContainText('501 matches');
  // The export follows the search (its scope and filter), not the browse seek.
  const searchExport = new URL(
    (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '',
    'http://x',
  );
  expect(Object.fromEntries(searchExport.searchParams)).toMatchObject({
    scope: 'all',
    filter: 'value == 4 || value.n == 4',
    format: 'csv',
  });
  expect(searchExport.searchParams.has('seek')).toBe(false);

  // Export the current browse result (partition 0, oldest first) and compare it with what kcat reads.
  await page.getByRole('button', { name: 'Back to browsing' }).click();
  await messages.applyFilter('partition == 0');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export JSON Lines' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Message);
  expect(exported.map((m) => `${m.key?.text}|${m.value?.text}`)).toEqual(partition0);
  await page.screenshot({ path: 'test-results/messages-tab.png', fullPage: true });
});

test('thousands of rows stay a few DOM rows, and a cut value loads whole', async ({ page, request }) => {
  test.setTimeout(120_000);
  const topic = `e2e-many-${Date.now().toString(36)}`;
  expect(
    (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 2 } })).status(),
  ).toBe(201);
  const lines = Array.from({ length: 3000 }, (_, i) => `key-${i}:value ${i}`).join('\n');
  const bulk = await request.post(`/api/clusters/local/topics/${topic}/messages/lines`, {
    data: { lines, separator: ':' },
  });
  expect(await bulk.json()).toMatchObject({ written: 3000, total: 3000 });
  const big = 'B'.repeat(40_000) + 'END';
  await request.post(`/api/clusters/local/topics/${topic}/messages`, {
    data: { key: 'big', value: big, partition: 0 },
  });

  const messages = new MessagesPage(page);
  await messages.goto(topic);
  await messages.browse.getByLabel('Limit').fill('500');
  await messages.browse.getByRole('button', { name: 'Apply' }).click();
  const table = page.getByRole('table', { name: 'Messages' });
  await expect(table).toHaveAttribute('aria-rowcount', '500');
  for (let pageNo = 2; pageNo <= 4; pageNo++) {
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(table).toHaveAttribute('aria-rowcount', String(pageNo * 500));
  }
  // 2,000 rows loaded, only those near the viewport exist in the page.
  expect(await messages.rows().count()).toBeLessThan(80);
  const scroller = page.getByRole('rowgroup', { name: 'Message rows' });
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(messages.rows().last().getByRole('cell').nth(3)).toHaveText(/^key-\d+$/);
  expect(await messages.rows().count()).toBeLessThan(80);

  // The newest message is the big one, cut at 16 KiB; "Load the whole value" shows all of it.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const bigRow = messages.rows().filter({ hasText: 'big' }).first();
  await bigRow.click();
  const details = page.getByLabel(/^Message 0:/).first();
  await expect(details).toContainText('cut: showing 16 KiB of 39 KiB');
  await details.getByRole('button', { name: /Load the whole value/ }).click();
  await expect(details.locator('pre').first()).toContainText('END');
  await expect(details).not.toContainText('cut: showing');
  // The expanded row pushes the next rows down (measured, not overlapping), also after scrolling away and back.
  const below = async () => {
    const box = await details.boundingBox();
    const next = await messages.rows().nth(1).boundingBox();
    return (next?.y ?? 0) - ((box?.y ?? 0) + (box?.height ?? 0));
  };
  await expect.poll(below).toBeGreaterThanOrEqual(0);
  const height = await scroller.evaluate((el) => el.scrollHeight);
  await scroller.evaluate((el) => (el.scrollTop = 20_000));
  await expect(messages.rows().first()).not.toContainText('big');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(details).toBeVisible();
  // Rows that left the page keep their height (a row unmounting reports 0; that must not shrink the list).
  expect(await scroller.evaluate((el) => el.scrollHeight)).toBeGreaterThanOrEqual(height);
  expect(await below()).toBeGreaterThanOrEqual(0);
});

test('with export switched off, the tab says so instead of offering it; search errors are shown', async ({
  page,
  bootstrap,
  request,
}) => {
  test.setTimeout(90_000);
  const topic = `e2e-noexport-${Date.now().toString(36)}`;
  expect(
    (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })).status(),
  ).toBe(201);
  // A second Tributary on the same Kafka, configured by an administrator who switched export off.
  const server = spawn('node', ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      KAFKA_BROKERS: bootstrap.join(','),
      TRIBUTARY_EXPORT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /Tributary is running: (http:\S+)/.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      server.on('exit', (code) => reject(new Error(`the second server exited (${code}): ${out}`)));
    });
    await page.goto(`${url}/clusters/local/topics/${topic}/messages`);
    const tab = new MessagesPage(page);
    await expect(page.getByText('Export is switched off on this server by its administrator.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Export/ })).toHaveCount(0);
    await expect(tab.browse).toBeVisible();

    // A search the server refuses: its sentence reaches the page (not "the connection closed").
    await page.getByLabel('Stop after matches').fill('20000');
    await page.getByRole('button', { name: 'Search on the server' }).click();
    await expect(page.getByRole('region', { name: 'Search' }).getByRole('alert')).toHaveText(
      'Invalid search parameter "maxMatches": must be <= 10000.',
    );
  } finally {
    server.kill('SIGTERM');
  }
});
