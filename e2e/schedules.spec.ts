import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const kcatValues = async (bootstrap: string, topic: string) =>
  (
    await run('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%s\n'], { timeout: 30_000 })
  ).stdout
    .split('\n')
    .filter(Boolean);

test('create a schedule from the form, watch its runs appear, pause it', async ({ page, bootstrap }) => {
  test.setTimeout(120_000);
  const topic = `e2e-sched-${Date.now().toString(36)}`;
  const created = await page.request.post('/api/clusters/local/topics', {
    data: { name: topic, partitions: 1, configs: {} },
  });
  expect(created.status()).toBe(201);

  await page.goto('/clusters/local/schedules');
  await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New schedule' }).click();
  const form = page.getByRole('form', { name: 'New schedule' });
  await form.getByLabel('Name', { exact: true }).fill('ticker');
  await form.getByLabel('Topic', { exact: true }).fill(topic);
  await form.getByLabel('Value', { exact: true }).fill('tick {{seq}}');
  // Too fast: the server's reason shows under the interval field.
  await form.getByLabel('Every', { exact: true }).fill('5ms');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByRole('alert')).toContainText('"trigger.every"');
  await expect(form.getByLabel('Every', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Every', { exact: true }).fill('300ms');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form).toBeHidden();

  const table = page.getByRole('table', { name: 'Schedules' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'ticker' }) });
  await expect(row).toContainText(topic);
  await expect(row).toContainText('active');
  await row.getByRole('link', { name: 'ticker' }).click();
  const runs = page.getByRole('table', { name: 'Runs of ticker' });
  await expect(runs.getByRole('row').filter({ hasText: 'partition 0, offset 2' })).toBeVisible();

  await row.getByRole('button', { name: 'Pause' }).click();
  await expect(row).toContainText('paused');
  await expect(row.getByRole('button', { name: 'Resume' })).toBeVisible();
  // Paused: once the running server has read the pause (it polls the schedules topic), nothing more arrives.
  await page.waitForTimeout(1500);
  const once = await kcatValues(bootstrap[0]!, topic);
  await page.waitForTimeout(1000);
  const again = await kcatValues(bootstrap[0]!, topic);
  expect(again).toEqual(once);
  expect(once.slice(0, 3)).toEqual(['tick 1', 'tick 2', 'tick 3']);

  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeHidden();
  await page.request.delete(`/api/clusters/local/topics/${topic}`);
});
