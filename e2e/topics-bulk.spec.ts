// Issue 17: topics in bulk (delete with type-to-confirm, one config on several), clone, and create presets,
// each checked with Kafka's own tools or kcat.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runKafkaTool } from '@tributary/local-kafka';
import { expect, test } from './fixtures.ts';
import { TopicsPage } from './pages/topics-page.ts';

const API = `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}/api/clusters/local`;

async function kcatTopics(bootstrap: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('kcat', ['-L', '-b', bootstrap, '-J'], { timeout: 30_000 });
  return (JSON.parse(stdout) as { topics: { topic: string }[] }).topics.map((t) => t.topic);
}

async function topicConfigs(bootstrap: string, topic: string): Promise<string> {
  const out = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    topic,
  ]);
  return out.stdout;
}

test('select topics, set one config on them, then delete two after typing the confirmation', async ({
  page,
  request,
  bootstrap,
}) => {
  const prefix = `e2e-bulk-${Date.now().toString(36)}`;
  const [a, b, c] = ['a', 'b', 'c'].map((x) => `${prefix}-${x}`) as [string, string, string];
  for (const name of [a, b, c])
    expect((await request.post(`${API}/topics`, { data: { name, partitions: 1 } })).status()).toBe(201);
  const topics = new TopicsPage(page);
  await topics.goto();
  await topics.search(prefix);
  await expect(page.getByRole('table', { name: 'Topics' }).getByRole('row')).toHaveCount(4);

  await page.getByRole('checkbox', { name: `Select ${a}` }).check();
  await page.getByRole('checkbox', { name: `Select ${b}` }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected topics' });
  await expect(toolbar).toContainText('2 topics selected');

  await toolbar.getByRole('button', { name: 'Edit a config…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Edit a config of 2 topics' });
  await dialog.getByLabel('Name').fill('retention.ms');
  await dialog.getByLabel('Value').fill('7200000');
  await dialog.getByRole('button', { name: 'Apply to 2 topics' }).click();
  await expect(page.getByText('retention.ms changed on 2 topics.')).toBeVisible();
  for (const name of [a, b])
    expect(await topicConfigs(bootstrap[0]!, name)).toContain('retention.ms=7200000');
  expect(await topicConfigs(bootstrap[0]!, c)).not.toContain('retention.ms=');

  await page.getByRole('checkbox', { name: `Select ${a}` }).check();
  await page.getByRole('checkbox', { name: `Select ${b}` }).check();
  await toolbar.getByRole('button', { name: 'Delete…' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete 2 topics?' });
  await expect(dialog.getByRole('listitem')).toHaveText([a, b]); // it names them
  const confirm = dialog.getByRole('button', { name: 'Delete 2 topics' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('delete 2 topics');
  await confirm.click();
  await expect(page.getByText('2 topics deleted.')).toBeVisible();
  await expect(topics.row(a)).toHaveCount(0);
  await expect(topics.row(b)).toHaveCount(0);
  await expect(topics.row(c)).toHaveCount(1);
  await expect.poll(() => kcatTopics(bootstrap[0]!)).not.toContain(a);
  const left = await kcatTopics(bootstrap[0]!);
  expect(left).not.toContain(b);
  expect(left).toContain(c);
});

test('clone a topic with its newest messages', async ({ page, request, bootstrap }) => {
  const source = `e2e-clone-${Date.now().toString(36)}`;
  const copy = `${source}-copy`;
  expect(
    (
      await request.post(`${API}/topics`, {
        data: { name: source, partitions: 2, configs: { 'retention.ms': '3600000' } },
      })
    ).status(),
  ).toBe(201);
  for (let i = 0; i < 6; i++)
    expect(
      (
        await request.post(`${API}/topics/${source}/messages`, {
          data: { key: null, value: `m-${i}`, partition: i % 2 },
        })
      ).status(),
    ).toBe(201);

  await page.goto(`/clusters/local/topics/${source}/overview`);
  await page.getByRole('button', { name: 'Clone' }).click();
  const dialog = page.getByRole('dialog', { name: `Clone ${source}` });
  await expect(dialog.getByLabel('New topic name')).toHaveValue(copy);
  await dialog.getByLabel('Copy the newest messages too').check();
  await dialog.getByLabel('How many messages').fill('4');
  await dialog.getByRole('button', { name: 'Clone topic' }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${copy}/overview$`));
  await expect(page.getByText(`Cloned ${source} as ${copy} (4 messages copied).`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Partitions' }).getByRole('row')).toHaveCount(3);
  expect(await topicConfigs(bootstrap[0]!, copy)).toContain('retention.ms=3600000');
  const { stdout } = await promisify(execFile)(
    'kcat',
    ['-C', '-b', bootstrap[0]!, '-t', copy, '-o', 'beginning', '-e', '-q', '-f', '%p:%s\n'],
    { timeout: 30_000 },
  );
  expect(stdout.split('\n').filter(Boolean).sort()).toEqual(['0:m-2', '0:m-4', '1:m-3', '1:m-5']);
});

test('a preset fills the config lines of a new topic', async ({ page, bootstrap }) => {
  const name = `e2e-preset-${Date.now().toString(36)}`;
  const topics = new TopicsPage(page);
  await topics.goto();
  await page.getByRole('button', { name: 'Create topic' }).click();
  const form = page.getByRole('form', { name: 'Create topic' });
  await form.getByLabel('Topic name').fill(name);
  await form
    .getByRole('group', { name: 'Presets' })
    .getByRole('button', { name: 'Compacted', exact: true })
    .click();
  await form
    .getByRole('group', { name: 'Presets' })
    .getByRole('button', { name: 'Retention 7 days' })
    .click();
  await expect(form.getByLabel(/Configs/)).toHaveValue('cleanup.policy=compact\nretention.ms=604800000');
  await form.getByRole('button', { name: 'Create topic' }).click();
  await expect(page.getByRole('status')).toContainText(name);
  const described = await topicConfigs(bootstrap[0]!, name);
  expect(described).toContain('cleanup.policy=compact');
  expect(described).toContain('retention.ms=604800000');
});
