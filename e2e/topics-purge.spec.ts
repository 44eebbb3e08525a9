import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { TopicsPage } from './pages/topics-page.ts';

// Arranged and checked with kcat, an independent client; the purge itself goes through the page.
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

function kcatProduce(bootstrap: string[], topic: string, partition: number, count: number) {
  const lines = Array.from({ length: count }, (_, i) => `p${partition}-m${i}`).join('\n') + '\n';
  execFileSync('kcat', ['-b', bootstrap.join(','), '-t', topic, '-p', String(partition), '-P'], {
    input: lines,
    timeout: 30_000,
  });
}

/** The messages still readable in one partition, from the beginning to the end (kcat -C -e). */
function kcatRead(bootstrap: string[], topic: string, partition: number): string[] {
  const out = execFileSync(
    'kcat',
    ['-b', bootstrap.join(','), '-t', topic, '-p', String(partition), '-C', '-e', '-o', 'beginning', '-q'],
    { timeout: 30_000, encoding: 'utf8' },
  );
  return out.split('\n').filter((line) => line !== '');
}

/** LOG-START-OFFSET and LOG-END-OFFSET as the broker answers ListOffsets (-2 earliest, -1 latest). */
function kcatOffsets(bootstrap: string[], topic: string, partition: number) {
  const query = (ts: number) => {
    const out = execFileSync('kcat', ['-b', bootstrap.join(','), '-Q', '-t', `${topic}:${partition}:${ts}`], {
      timeout: 30_000,
      encoding: 'utf8',
    });
    const offset = /offset (-?\d+)/.exec(out)?.[1];
    if (offset === undefined) throw new Error(`kcat -Q gave no offset: ${out}`);
    return Number(offset);
  };
  return { start: query(-2), end: query(-1) };
}

test('purge only partitions 0 and 2 from the UI; partition 1 keeps its messages', async ({
  page,
  request,
  bootstrap,
}) => {
  test.setTimeout(90_000);
  const topic = unique('e2e-purge');
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 3 } });
  expect(created.ok(), await created.text()).toBe(true);
  kcatProduce(bootstrap, topic, 0, 4);
  kcatProduce(bootstrap, topic, 1, 3);
  kcatProduce(bootstrap, topic, 2, 2);

  const topics = new TopicsPage(page);
  await page.goto(`/clusters/local/topics/${topic}/overview`);
  await expect(topics.partitionRows()).toHaveCount(3);
  await expect(topics.stat('Messages')).toContainText('9');

  // The default is every partition, worded as before.
  await page.getByRole('button', { name: 'Purge messages' }).click();
  const dialog = topics.dialog();
  await expect(dialog.getByRole('radio', { name: 'All partitions' })).toBeChecked();
  await expect(dialog).toContainText(`Deletes the 9 messages in all 3 partitions of ${topic}`);

  // Chosen partitions: nothing ticked yet, so nothing can be purged.
  await dialog.getByRole('radio', { name: 'Chosen partitions' }).check();
  await expect(dialog).toContainText('Choose the partitions to purge.');
  await expect(dialog.getByRole('button', { name: 'Purge 0 partitions' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox')).toHaveCount(3);
  await dialog.getByRole('checkbox', { name: 'Partition 2 (2 messages)' }).check();
  await dialog.getByRole('checkbox', { name: 'Partition 0 (4 messages)' }).check();
  await expect(dialog.getByRole('heading')).toHaveText(`Purge partitions 0 and 2 of ${topic}?`);
  await expect(dialog).toContainText(
    `Purge partitions 0 and 2 of ${topic}: 6 messages will be deleted up to the current end offset.`,
  );
  await dialog.getByRole('button', { name: 'Purge 2 partitions' }).click();

  await expect(page.getByRole('status')).toContainText(`Purged partitions 0 and 2 of ${topic}.`);
  await expect(topics.stat('Messages')).toContainText('3');

  // The broker agrees: 0 and 2 start where they end, partition 1 still holds all three messages.
  expect(kcatOffsets(bootstrap, topic, 0)).toEqual({ start: 4, end: 4 });
  expect(kcatOffsets(bootstrap, topic, 2)).toEqual({ start: 2, end: 2 });
  expect(kcatOffsets(bootstrap, topic, 1)).toEqual({ start: 0, end: 3 });
  expect(kcatRead(bootstrap, topic, 0)).toEqual([]);
  expect(kcatRead(bootstrap, topic, 2)).toEqual([]);
  expect(kcatRead(bootstrap, topic, 1)).toEqual(['p1-m0', 'p1-m1', 'p1-m2']);
});
