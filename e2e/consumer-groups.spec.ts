import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';

// Arranged with real clients: kcat consumes as a group and produces; the page is used like a person would.
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

function kcatProduce(bootstrap: string[], topic: string, count: number, from = 0) {
  const lines = Array.from({ length: count }, (_, i) => `message-${from + i}`).join('\n') + '\n';
  execFileSync('kcat', ['-b', bootstrap.join(','), '-t', topic, '-p', '0', '-P'], {
    input: lines,
    timeout: 30_000,
  });
}

function kcatConsume(bootstrap: string[], group: string, topic: string, count: number) {
  execFileSync(
    'kcat',
    [
      '-b',
      bootstrap.join(','),
      '-G',
      group,
      topic,
      '-c',
      String(count),
      '-q',
      '-X',
      'auto.offset.reset=earliest',
    ],
    { timeout: 60_000, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

test('watch lag grow, then reset the group to earliest through the wizard after checking the dry run', async ({
  page,
  request,
  bootstrap,
}) => {
  test.setTimeout(120_000);
  const topic = unique('e2e-cg');
  const group = unique('e2e-group');
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } });
  expect(created.ok(), await created.text()).toBe(true);
  kcatProduce(bootstrap, topic, 20);
  kcatConsume(bootstrap, group, topic, 20); // caught up: CURRENT-OFFSET 20, lag 0

  await page.goto('/clusters/local/consumer-groups');
  await page.getByRole('searchbox', { name: 'Search groups' }).fill(group);
  await expect(page).toHaveURL(new RegExp(`q=${group}`)); // the search is applied (debounced) before we click
  await expect(page.getByText('Page 1 of 1 · 1 group')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(group) });
  await expect(row).toContainText('Empty');
  await row.getByRole('link', { name: group }).click();

  await expect(page.getByRole('heading', { name: group })).toBeVisible();
  const totalLag = page.getByLabel('Total lag');
  await expect(totalLag).toHaveText('0');
  const offsets = page.getByRole('table', { name: 'Partition offsets' });
  await expect(offsets.getByRole('row').nth(1)).toContainText(`${topic}02020`);

  // lag grows as messages are produced
  kcatProduce(bootstrap, topic, 30, 20);
  await expect(totalLag).toHaveText('30', { timeout: 20_000 });
  await expect(page.getByRole('img', { name: 'Lag per topic over the last hour' })).toBeVisible();
  await expect(page.getByText(`${topic}: 30`)).toBeVisible({ timeout: 40_000 }); // the sampled chart caught up
  // Every sample has a tooltip naming topic, time and lag; the time axis never prints a label twice.
  const chart = page.getByRole('img', { name: 'Lag per topic over the last hour' });
  const tips = await chart.locator('circle > title').allTextContents();
  expect(tips.at(-1)).toMatch(new RegExp(`^${topic} · .+ · lag 30$`));
  const axis = await chart.locator('text[text-anchor]').allTextContents();
  const times = axis.filter((label) => /\d:\d\d/.test(label));
  expect(times.length).toBeGreaterThan(0);
  expect(new Set(times).size).toBe(times.length);

  // the wizard: dry run first, nothing changes until the person confirms
  await page.getByRole('button', { name: 'Reset offsets' }).click();
  const wizard = page.getByRole('region', { name: 'Reset offsets' });
  await wizard.getByLabel('Reset to').selectOption('earliest');
  await wizard.getByRole('button', { name: 'Preview (dry run)' }).click();
  const dryRun = wizard.getByRole('table', { name: 'Dry run' });
  await expect(dryRun.getByRole('row').nth(1)).toContainText('20 → 0');
  await expect(dryRun.getByRole('row').nth(1)).toContainText('30 → 50');
  await expect(totalLag).toHaveText('30'); // still unchanged
  await wizard.getByRole('button', { name: 'Reset 1 partition' }).click();

  await expect(page.getByRole('status')).toContainText('Offsets reset for 1 partition');
  await expect(totalLag).toHaveText('50');
  await expect(offsets.getByRole('row').nth(1)).toContainText(`${topic}005050`);
  await expect(page.getByRole('list', { name: 'Commit timeline' })).toContainText(`${topic}-0 → 0`);

  // the topic's Consumers tab shows the group with its lag on the topic
  await page.goto(`/clusters/local/topics/${topic}/consumers`);
  const consumers = page.getByRole('table', { name: 'Consumer groups of the topic' });
  await expect(consumers.getByRole('row', { name: new RegExp(group) })).toContainText('50');
});

test('a reset is refused while a consumer is running, with the reason shown', async ({
  page,
  request,
  bootstrap,
}) => {
  test.setTimeout(90_000);
  const topic = unique('e2e-cg-live');
  const group = unique('e2e-live');
  await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } });
  kcatProduce(bootstrap, topic, 5);
  const { spawn } = await import('node:child_process');
  const member = spawn('kcat', ['-b', bootstrap.join(','), '-G', group, topic, '-q'], { stdio: 'ignore' });
  try {
    await page.goto(`/clusters/local/consumer-groups/${group}`);
    await expect(page.getByText('Stable', { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reset offsets' }).click();
    const wizard = page.getByRole('region', { name: 'Reset offsets' });
    await wizard.getByLabel('Topic').selectOption(topic);
    await wizard.getByRole('button', { name: 'Preview (dry run)' }).click();
    await expect(wizard.getByRole('alert')).toContainText('active member');
    await expect(wizard.getByRole('button', { name: 'Reset 1 partition' })).toBeDisabled();
  } finally {
    member.kill('SIGTERM');
  }
});

/** A topic with `counts[p]` messages in partition p, and a group positioned at its beginning (lag = counts). */
async function groupAtEarliest(
  request: import('@playwright/test').APIRequestContext,
  bootstrap: string[],
  counts: number[],
) {
  const topic = unique('e2e-cg-sort');
  const group = unique('e2e-sort');
  const created = await request.post('/api/clusters/local/topics', {
    data: { name: topic, partitions: counts.length },
  });
  expect(created.ok(), await created.text()).toBe(true);
  for (const [partition, count] of counts.entries()) {
    const lines = Array.from({ length: count }, (_, i) => `m${i}`).join('\n') + '\n';
    execFileSync('kcat', ['-b', bootstrap.join(','), '-t', topic, '-p', String(partition), '-P'], {
      input: lines,
      timeout: 30_000,
    });
  }
  const reset = await request.post(`/api/clusters/local/consumer-groups/${group}/offsets`, {
    data: { topic, to: 'earliest', dryRun: false },
  });
  expect(reset.ok(), await reset.text()).toBe(true);
  return { topic, group };
}

test('the partition table sorts by lag', async ({ page, request, bootstrap }) => {
  const { group } = await groupAtEarliest(request, bootstrap, [5, 15, 10]);
  await page.goto(`/clusters/local/consumer-groups/${group}`);
  const table = page.getByRole('table', { name: 'Partition offsets' });
  const lagColumn = async () =>
    Promise.all(
      (await table.getByRole('row').all())
        .slice(1)
        .map(async (r) => (await r.getByRole('cell').nth(4).textContent()) ?? ''),
    );
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(await lagColumn()).toEqual(['5', '15', '10']); // by partition
  await table.getByRole('button', { name: /LAG/ }).click();
  await expect.poll(lagColumn).toEqual(['15', '10', '5']);
  await table.getByRole('button', { name: /LAG/ }).click();
  await expect.poll(lagColumn).toEqual(['5', '10', '15']);
});

test('the wizard answers bad input with the reason and resets nothing', async ({
  page,
  request,
  bootstrap,
}) => {
  const { topic, group } = await groupAtEarliest(request, bootstrap, [4, 6]);
  await page.goto(`/clusters/local/consumer-groups/${group}`);
  await page.getByRole('button', { name: 'Reset offsets' }).click();
  const wizard = page.getByRole('region', { name: 'Reset offsets' });
  const preview = wizard.getByRole('button', { name: 'Preview (dry run)' });

  await wizard.getByLabel('Reset to').selectOption('offset');
  await preview.click(); // no offset given
  await expect(wizard.getByRole('alert')).toHaveText(/needs a value: the offset to move to/);

  await wizard.getByLabel('Topic').selectOption(topic);
  await wizard.getByLabel('Partitions (empty: all)').fill('1,x');
  await wizard.getByLabel('Offset', { exact: true }).fill('2');
  await preview.click();
  await expect(wizard.getByRole('alert')).toHaveText(/Partitions are numbers.*"x" is not one/);

  await wizard.getByLabel('Partitions (empty: all)').fill('7');
  await preview.click();
  await expect(wizard.getByRole('alert')).toHaveText(
    `Topic "${topic}" has partitions 0-1; 7 is not one of them.`,
  );
  await expect(wizard.getByRole('table', { name: 'Dry run' })).toHaveCount(0);

  await wizard.getByLabel('Partitions (empty: all)').fill('');
  await wizard.getByLabel('Reset to').selectOption('timestamp');
  await expect(wizard.getByLabel('Date and time')).toHaveValue(''); // the offset typed before is not a date
  await preview.click(); // no date chosen
  await expect(wizard.getByRole('alert')).toHaveText(/needs a value: a time/);

  await wizard.getByLabel('Reset to').selectOption('group');
  await wizard.getByLabel('Source group').fill(`${group}-nobody`);
  await preview.click();
  await expect(wizard.getByRole('alert')).toHaveText(/has no committed offsets for these partitions/);

  // nothing was committed along the way
  const offsets = page.getByRole('table', { name: 'Partition offsets' });
  await expect(offsets.getByRole('row').nth(1)).toContainText(`${topic}0044`);
  await expect(page.getByLabel('Total lag')).toHaveText('10');
});

test('delete a group from its page after typing its name, and it is gone from the list', async ({
  page,
  request,
  bootstrap,
}) => {
  const { group } = await groupAtEarliest(request, bootstrap, [3]);
  await page.goto(`/clusters/local/consumer-groups/${group}`);
  await expect(page.getByLabel('Total lag')).toHaveText('3');
  await page.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete consumer group ${group}?` });
  const confirm = dialog.getByRole('button', { name: 'Delete group' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${group} to confirm`).fill(group);
  await confirm.click();
  await expect(page).toHaveURL(/\/clusters\/local\/consumer-groups$/);
  await page.getByRole('searchbox', { name: 'Search groups' }).fill(group);
  await expect(page).toHaveURL(new RegExp(`q=${group}`));
  await expect(page.getByText('No group matches.')).toBeVisible();
  expect((await request.get(`/api/clusters/local/consumer-groups/${group}`)).status()).toBe(404);
});

test('the groups list pages on the server, filters by state and shows the lag of each group', async ({
  page,
  request,
  bootstrap,
}) => {
  const topic = unique('e2e-cg-list');
  const prefix = unique('e2e-list');
  const created = await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } });
  expect(created.ok(), await created.text()).toBe(true);
  kcatProduce(bootstrap, topic, 1);
  // 27 idle groups at the start of the topic (lag 1), committed like an administrator
  for (let i = 0; i < 27; i++) {
    const reset = await request.post(
      `/api/clusters/local/consumer-groups/${prefix}-${String(i).padStart(2, '0')}/offsets`,
      { data: { topic, to: 'earliest', dryRun: false } },
    );
    expect(reset.ok(), await reset.text()).toBe(true);
  }
  await page.goto(`/clusters/local/consumer-groups?q=${prefix}`);
  const table = page.getByRole('table', { name: 'Consumer groups' });
  await expect(page.getByText('Page 1 of 2 · 27 groups')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(26); // header + 25
  await expect(table.getByRole('row').nth(1)).toContainText(`${prefix}-00`);
  await expect(table.getByRole('row').nth(1)).toContainText(/Empty\s*classic\s*0\s*1\s*1$/);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Page 2 of 2 · 27 groups')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(2)).toContainText(`${prefix}-26`);
  await page.getByLabel('State').selectOption('Stable');
  await expect(page.getByText('No group matches.')).toBeVisible();
  await page.getByLabel('State').selectOption('Empty');
  await expect(page.getByText('Page 1 of 2 · 27 groups')).toBeVisible();
});
