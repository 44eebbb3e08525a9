import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function topicWithLines(request: import('@playwright/test').APIRequestContext, partitions = 2) {
  const topic = unique('e2e-address');
  expect((await request.post('/api/clusters/local/topics', { data: { name: topic, partitions } })).ok()).toBe(
    true,
  );
  const lines = Array.from({ length: 6 }, (_, i) => `k-${i}:{"n":${i}}`).join('\n');
  for (const partition of [0, 1])
    expect(
      (
        await request.post(`/api/clusters/local/topics/${topic}/messages/lines`, {
          data: { lines, separator: ':', partition },
        })
      ).ok(),
    ).toBe(true);
  return topic;
}

test('Messages: what is shown is in the address; reload, back and forward show it again', async ({
  page,
  request,
}) => {
  const topic = await topicWithLines(request);
  const messages = new MessagesPage(page);
  await messages.goto(topic);
  await expect(messages.rows()).toHaveCount(12);

  await messages.browse.getByLabel('Limit').fill('5');
  await messages.applyFilter('value.n >= 3');
  await expect(page).toHaveURL(/seek=oldest/);
  await expect(page).toHaveURL(/limit=5/);
  await expect(page).toHaveURL(/filter=value.n\+%3E%3D\+3/);
  const shown = async () => (await messages.rows().allTextContents()).join('\n');
  await expect(messages.rows()).toHaveCount(5);
  const filtered = await shown();

  await page.reload();
  await expect(messages.rows()).toHaveCount(5);
  expect(await shown()).toBe(filtered);
  await expect(messages.browse.getByLabel('Filter expression')).toHaveValue('value.n >= 3');
  await expect(messages.browse.getByLabel('Limit')).toHaveValue('5');

  await page.goBack();
  await expect(messages.rows()).toHaveCount(12);
  await expect(messages.browse.getByLabel('Filter expression')).toHaveValue('');
  await page.goForward();
  await expect(messages.rows()).toHaveCount(5);

  // A server-side search is in the address too: a reload runs it again.
  await page.getByRole('button', { name: 'Search on the server' }).click();
  await expect(page).toHaveURL(/search=1/);
  await expect(page.getByRole('region', { name: 'Search' }).getByRole('status')).toContainText('6 matches');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Search' }).getByRole('status')).toContainText('6 matches');
  await expect(page.getByRole('button', { name: 'Back to browsing' })).toBeVisible();
});

test('one message has its own address, opens expanded, and its Copy link gives that address', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const topic = await topicWithLines(request);
  await page.goto(`/clusters/local/topics/${topic}/messages/1/4`);
  const details = page.getByLabel('Message 1:4');
  await expect(details).toContainText('k-4');
  await expect(new MessagesPage(page).rows()).toHaveCount(1);
  await details.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(page.url());
  await page.getByRole('link', { name: 'Browse all messages' }).click();
  await expect(new MessagesPage(page).rows()).toHaveCount(12);
});

test('Live: partitions and filter are in the address and a reload starts from them', async ({
  page,
  request,
}) => {
  const topic = await topicWithLines(request);
  await page.goto(`/clusters/local/topics/${topic}/live`);
  await page.getByLabel('Start from').selectOption('last');
  await page.getByRole('button', { name: 'Start' }).click();
  const rows = page.getByRole('rowgroup', { name: 'Live message rows' }).getByRole('row');
  await expect(rows).toHaveCount(12);
  await page.getByLabel('Filter expression').fill('value.n == 2');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page).toHaveURL(/filter=value.n\+%3D%3D\+2/);
  await page.reload();
  await expect(page.getByLabel('Filter expression')).toHaveValue('value.n == 2');
  await page.getByLabel('Start from').selectOption('last');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(rows).toHaveCount(2); // one k-2 per partition: the filter from the address applies
});

test('a deleted group goes back to the list with a toast and is not asked for again; a missing group offers no actions', async ({
  page,
  request,
  bootstrap,
}) => {
  const { execFileSync } = await import('node:child_process');
  const topic = await topicWithLines(request);
  const group = unique('e2e-gone');
  execFileSync(
    'kcat',
    ['-b', bootstrap.join(','), '-G', group, topic, '-c', '3', '-q', '-X', 'auto.offset.reset=earliest'],
    {
      timeout: 60_000,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith(`/api/clusters/local/consumer-groups/${group}`))
      asked.push(r.method());
  });
  await page.goto(`/clusters/local/consumer-groups/${group}`);
  await page.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete consumer group ${group}?` });
  await dialog.getByLabel(`Type ${group} to confirm`).fill(group);
  await dialog.getByLabel(`Type ${group} to confirm`).press('Enter'); // Enter submits the dialog
  await expect(page).toHaveURL(/\/consumer-groups$/);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    `Consumer group ${group} deleted.`,
  );
  await page.waitForTimeout(6_000); // longer than the page's 5 s refresh
  expect(asked.slice(asked.indexOf('DELETE') + 1)).toEqual([]);

  await page.goto(`/clusters/local/consumer-groups/${group}`);
  await expect(page.getByRole('alert')).toContainText('does not exist');
  await expect(page.getByRole('button', { name: 'Delete group' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset offsets' })).toHaveCount(0);
});
