import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runKafkaTool } from '@tributary/local-kafka';
import { expect, test } from './fixtures.ts';
import { TopicsPage } from './pages/topics-page.ts';

const run = promisify(execFile);
const kcat = async (args: string[], input?: string) => {
  const child = run('kcat', args, { timeout: 30_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return (await child).stdout;
};

/** Partition count as the broker reports it (kcat -L). */
async function partitionsByKcat(bootstrap: string, topic: string): Promise<number> {
  const out = await kcat(['-L', '-b', bootstrap, '-J']);
  const metadata = JSON.parse(out) as { topics: { topic: string; partitions: unknown[] }[] };
  return metadata.topics.find((t) => t.topic === topic)?.partitions.length ?? 0;
}

test('create, see, configure, grow, purge and delete a topic from the UI', async ({ page, bootstrap }) => {
  test.setTimeout(180_000);
  const broker = bootstrap[0]!;
  // A "." in the name: Kafka's collision warning must reach the person.
  const name = `e2e.orders-${Date.now().toString(36)}`;
  const topics = new TopicsPage(page);
  await topics.goto();

  // A name Kafka refuses: the server's sentence is shown, nothing is created.
  const form = await topics.createTopic('bad name!', 3);
  await expect(form.getByRole('alert')).toContainText('"bad name!" is not a valid topic name');
  // More replicas than brokers: refused before Kafka sees it, and nothing is created.
  await form.getByLabel('Topic name').fill(name);
  await form.getByLabel('Replication factor').fill('2');
  await form.getByRole('button', { name: 'Create topic' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Replication factor 2 is more than the 1 broker online',
  );
  expect(await partitionsByKcat(broker, name)).toBe(0);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Create with 3 partitions and see it in the list.
  await topics.createTopic(name, 3);
  await expect(page.getByRole('status')).toContainText(`Created topic ${name} with 3 partitions`);
  await expect(page.getByRole('status')).toContainText('Warning: Due to limitations in metric names');
  await topics.search(name);
  await expect(page).toHaveURL(new RegExp(`q=${name}`));
  // Cell 0 is the row's selection checkbox, 1 its name.
  await expect(topics.row(name).getByRole('cell').nth(2)).toHaveText('3');
  await expect.poll(() => partitionsByKcat(broker, name)).toBe(3);

  // Real messages through kcat: 5 into partition 0, 3 into partition 1.
  await kcat(['-P', '-b', broker, '-t', name, '-p', '0'], 'a\nb\nc\nd\ne\n');
  await kcat(['-P', '-b', broker, '-t', name, '-p', '1'], 'x\ny\nz\n');
  await page.reload();
  await expect(topics.row(name).getByRole('cell').nth(5)).toHaveText('8');

  await topics.openTopic(name);
  await expect(page).toHaveURL(new RegExp(`/clusters/local/topics/${name}/overview$`));
  await expect(topics.partitionRows()).toHaveCount(3);
  await expect(topics.partitionRows().first().getByRole('cell').nth(5)).toHaveText('5');
  await expect(topics.stat('Messages')).toContainText('8');

  // Edit retention.ms on the Configuration tab; Kafka's own kafka-configs sees the override.
  await topics.tab('Configuration').click();
  await expect(page).toHaveURL(/\/configuration$/);
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill('retention.ms');
  const retention = topics.configRow('retention.ms');
  await retention.getByRole('button', { name: 'Edit retention.ms' }).click();
  await retention.getByRole('textbox', { name: 'New value for retention.ms' }).fill('3600000');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(retention).toContainText('3600000');
  await expect(retention).toContainText('topic override');
  const described = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    broker,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    name,
  ]);
  expect(described.stdout).toContain('retention.ms=3600000');
  // A bad value gets Kafka's sentence, in place.
  await retention.getByRole('button', { name: 'Edit retention.ms' }).click();
  await retention.getByRole('textbox', { name: 'New value for retention.ms' }).fill('soon');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid value soon for configuration retention.ms');
  await retention.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0); // the stale sentence goes with the edit
  // Reset to default: the override goes, on the page and in Kafka.
  await retention.getByRole('button', { name: 'Reset retention.ms to default' }).click();
  await expect(retention).toContainText('604800000');
  await expect(retention).not.toContainText('topic override');
  const reset = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    broker,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    name,
  ]);
  expect(reset.stdout).not.toContain('retention.ms=');

  // Add a partition: a shrink is refused with the server's sentence; the dialog says what will happen;
  // the broker then has 4.
  await page.getByRole('button', { name: 'Add partitions' }).click();
  await topics.dialog().getByLabel('New partition count').fill('2');
  await topics.dialog().getByRole('button', { name: 'Add partitions' }).click();
  await expect(topics.dialog().getByRole('alert')).toContainText('already has 3 partitions');
  await topics.dialog().getByLabel('New partition count').fill('4');
  await expect(topics.dialog()).toContainText('Adds 1 partition (3 → 4)');
  await topics.dialog().getByRole('button', { name: 'Add 1 partition' }).click();
  await expect(page.getByRole('status')).toContainText(`${name} now has 4 partitions (was 3)`);
  await expect.poll(() => partitionsByKcat(broker, name)).toBe(4);
  await topics.tab('Overview').click();
  await expect(topics.partitionRows()).toHaveCount(4);

  // Purge: the dialog names the messages that go; afterwards nothing is left to read.
  await page.getByRole('button', { name: 'Purge messages' }).click();
  await expect(topics.dialog()).toContainText(`Deletes the 8 messages in all 4 partitions of ${name}`);
  await topics.dialog().getByRole('button', { name: 'Purge messages' }).click();
  await expect(page.getByRole('status')).toContainText(`Purged 4 partitions of ${name}`);
  await expect(topics.stat('Messages')).toContainText('0');
  const left = await kcat(['-C', '-b', broker, '-t', name, '-o', 'beginning', '-e', '-q']);
  expect(left.trim()).toBe('');

  // Delete: the dialog wants the name typed; then the topic is gone from the list and the broker.
  await page.getByRole('button', { name: 'Delete topic' }).click();
  const confirm = topics.dialog().getByRole('button', { name: 'Delete topic' });
  await expect(topics.dialog()).toContainText(`Deletes ${name} with its 4 partitions`);
  await expect(confirm).toBeDisabled();
  await topics.dialog().getByLabel(`Type ${name} to confirm`).fill(name);
  await confirm.click();
  await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
  await topics.search(name);
  await expect(page.getByText(`No topic matches “${name}”.`)).toBeVisible();
  await expect.poll(() => partitionsByKcat(broker, name)).toBe(0);
});

test('overview and brokers pages show the cluster at a glance', async ({ page, bootstrap }) => {
  await page.goto('/clusters/local');
  await expect(page.getByRole('region', { name: 'Brokers online' })).toContainText('1 / 1');
  await expect(page.getByRole('region', { name: 'Active controller' })).toContainText('1');
  await expect(page.getByRole('region', { name: 'Offline partitions' })).toContainText('0');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brokers' }).click();
  const row = page.getByRole('table', { name: 'Brokers' }).getByRole('row').nth(1);
  await expect(row).toContainText(bootstrap[0]!);
  await expect(row).toContainText('controller');
  await row.getByRole('link', { name: 'Broker 1 configuration' }).click();
  await expect(page).toHaveURL(/\/brokers\?broker=1$/);
  await expect(page.getByRole('table', { name: 'Broker 1 configuration' })).toContainText(
    'num.network.threads',
  );
});

test('the topic list searches, sorts and pages on the server, and the address keeps it', async ({
  page,
  playwright,
  bootstrap,
}) => {
  test.setTimeout(120_000);
  const prefix = `e2e-list-${Date.now().toString(36)}`;
  const api = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
  });
  for (let i = 0; i < 30; i++) {
    const res = await api.post('/api/clusters/local/topics', {
      data: { name: `${prefix}-${String(i).padStart(2, '0')}`, partitions: (i % 4) + 1 },
    });
    expect(res.status()).toBe(201);
  }
  await api.dispose();
  // A consumer group commit makes Kafka create its internal __consumer_offsets topic.
  await kcat(['-P', '-b', bootstrap[0]!, '-t', `${prefix}-00`], 'one\n');
  await runKafkaTool('kafka-console-consumer', [
    '--bootstrap-server',
    bootstrap[0]!,
    '--topic',
    `${prefix}-00`,
    '--group',
    `${prefix}-group`,
    '--from-beginning',
    '--max-messages',
    '1',
  ]);

  const topics = new TopicsPage(page);
  await topics.goto();
  await topics.search(prefix);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of 2 · 30 topics');
  const names = page.getByRole('table', { name: 'Topics' }).getByRole('link');
  await expect(names).toHaveCount(25);
  await expect(names.first()).toHaveText(`${prefix}-00`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(names).toHaveCount(5);
  await expect(names.last()).toHaveText(`${prefix}-29`);

  // Sort by partitions, descending: the 4-partition topics come first; the header says so.
  await page.getByRole('button', { name: /^Partitions/ }).click();
  await page.getByRole('button', { name: /^Partitions/ }).click();
  await expect(page.getByRole('columnheader', { name: /Partitions/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(topics.row(`${prefix}-03`).getByRole('cell').nth(2)).toHaveText('4');
  await expect(names.first()).toHaveText(`${prefix}-03`);

  // The address carries search and sort: a reload (or a shared link) shows the same page.
  await expect(page).toHaveURL(
    new RegExp(`q=${prefix}.*sort=partitionCount.*order=desc|sort=partitionCount.*order=desc.*q=${prefix}`),
  );
  await page.reload();
  await expect(names.first()).toHaveText(`${prefix}-03`);

  // Internal topics only when asked for.
  await topics.search('__consumer_offsets');
  await expect(page.getByText('No topic matches “__consumer_offsets”.')).toBeVisible();
  // The box mirrors the address, which the router updates in a transition: wait for it, do not demand it
  // be checked the instant the click returns (what check() does).
  const internal = page.getByRole('checkbox', { name: 'Show internal topics' });
  await internal.click();
  await expect(internal).toBeChecked();
  await expect(topics.row('__consumer_offsets')).toContainText('internal');
  await expect(page).toHaveURL(/internal=1/);
});
