// Issue 17: a broker's dynamic configs and the cluster-wide defaults edited on the brokers page, checked
// with Kafka's own kafka-configs. Only a harmless key is changed (the log cleaner's idle back-off).
import { runKafkaTool } from '@tributary/local-kafka';
import { expect, test } from './fixtures.ts';

const KEY = 'log.cleaner.backoff.ms';

async function described(bootstrap: string, entity: string[]): Promise<string> {
  const out = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    'brokers',
    ...entity,
  ]);
  return out.stdout;
}

test('a broker config is set and reset on the brokers page; read-only ones cannot be edited', async ({
  page,
  bootstrap,
}) => {
  await page.goto('/clusters/local/brokers?broker=1');
  const table = page.getByRole('table', { name: 'Broker 1 configuration' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  const filter = page.getByRole('searchbox', { name: 'Filter configs' });

  await filter.fill('log.dirs');
  await expect(row('log.dirs')).toContainText('read-only');
  await expect(row('log.dirs').getByRole('button', { name: 'Edit log.dirs' })).toHaveCount(0);

  await filter.fill(KEY);
  await row(KEY)
    .getByRole('button', { name: `Edit ${KEY}` })
    .click();
  await row(KEY)
    .getByRole('textbox', { name: `New value for ${KEY}` })
    .fill('16000');
  await row(KEY).getByRole('button', { name: 'Save' }).click();
  await expect(row(KEY)).toContainText('16 s'); // human units, the raw value beside them
  await expect(row(KEY)).toContainText('(16000)');
  expect(await described(bootstrap[0]!, ['--entity-name', '1'])).toContain(`${KEY}=16000`);

  await row(KEY)
    .getByRole('button', { name: `Reset ${KEY} to default` })
    .click();
  await expect(row(KEY)).not.toContainText('16000');
  await expect(row(KEY).getByRole('button', { name: `Reset ${KEY} to default` })).toHaveCount(0);
  expect(await described(bootstrap[0]!, ['--entity-name', '1'])).not.toContain(`${KEY}=`);
});

test('a cluster-wide default is set and reset through broker "default"', async ({ page, bootstrap }) => {
  await page.goto('/clusters/local/brokers');
  await page.getByRole('link', { name: 'Cluster-wide defaults' }).click();
  await expect(page).toHaveURL(/\/brokers\?broker=default$/);
  const form = page.getByRole('form', { name: 'Set a cluster-wide default' });
  await form.getByLabel('Name').fill(KEY);
  await form.getByLabel('Value').fill('17000');
  await form.getByRole('button', { name: 'Set default' }).click();
  const table = page.getByRole('table', { name: 'Cluster-wide defaults' });
  const row = table.getByRole('row').filter({ has: page.getByText(KEY, { exact: true }) });
  await expect(row).toContainText('17 s');
  expect(await described(bootstrap[0]!, ['--entity-default'])).toContain(`${KEY}=17000`);

  // Broker 1 inherits it, and cannot reset what is not its own.
  await page.goto('/clusters/local/brokers?broker=1');
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill(KEY);
  const inherited = page
    .getByRole('table', { name: 'Broker 1 configuration' })
    .getByRole('row')
    .filter({ has: page.getByText(KEY, { exact: true }) });
  await expect(inherited).toContainText('17000');
  await expect(inherited.getByRole('button', { name: `Reset ${KEY} to default` })).toHaveCount(0);

  await page.goto('/clusters/local/brokers?broker=default');
  await row.getByRole('button', { name: `Reset ${KEY} to default` }).click();
  await expect(row).toHaveCount(0);
  expect(await described(bootstrap[0]!, ['--entity-default'])).not.toContain(`${KEY}=`);
});
