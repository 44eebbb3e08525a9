import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectList } from '@tributary/contract';
import { expect, test } from './fixtures.ts';

// The app's own start path runs a real Connect worker beside the local Kafka; the connector reads a real
// file and kcat checks the topic.
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

function kcatCount(bootstrap: string[], topic: string): number {
  try {
    const out = execFileSync(
      'kcat',
      ['-b', bootstrap.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s\n'],
      { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out.split('\n').length - 1;
  } catch {
    return 0; // the topic does not exist yet
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tributary-e2e-connect-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async ({ request }) => {
  // npm start answers before the worker is ready; the Connect page says "starting" meanwhile.
  await expect
    .poll(
      async () => {
        const connects = (await (await request.get('/api/clusters/local/connects')).json()) as ConnectList;
        return connects.find((c) => c.name === 'local')?.status;
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe('online');
});

test('create a FileStreamSource from the form (a field error first), watch it run, pause, resume, delete', async ({
  page,
  bootstrap,
}) => {
  test.setTimeout(180_000);
  const file = join(dir, 'lines.txt');
  writeFileSync(file, Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n') + '\n');
  const name = unique('e2e-source');
  const topic = unique('e2e-connect');

  await page.goto('/clusters/local/connect');
  await expect(page.getByRole('heading', { name: 'Kafka Connect' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Connect clusters' })).toContainText('local: Kafka Connect 4.');
  await page.getByRole('link', { name: 'Create connector' }).click();

  await page.getByLabel('Plugin').selectOption('org.apache.kafka.connect.file.FileStreamSourceConnector');
  // The chosen plugin is in the address: a reload (or a shared link) opens the same form.
  await expect(page).toHaveURL(/[?&]class=org\.apache\.kafka\.connect\.file\.FileStreamSourceConnector/);
  await page.reload();
  await expect(page.getByLabel('Plugin', { exact: true })).toHaveValue(
    'org.apache.kafka.connect.file.FileStreamSourceConnector',
  );
  await page.getByLabel('Name').fill(name);
  const topicField = page.getByRole('textbox', { name: 'topic (required)', exact: true });
  await expect(topicField).toBeVisible(); // required settings come first, from the plugin's definition
  await expect(page.getByRole('textbox', { name: 'batch.size', exact: true })).toHaveAttribute(
    'placeholder',
    '2000',
  );
  await page.getByRole('textbox', { name: 'file', exact: true }).fill(file);
  await page.getByRole('button', { name: 'Create connector' }).click();
  // Connect's own message, at its field, and nothing created.
  await expect(topicField).toHaveAttribute('aria-invalid', 'true');
  await expect(topicField).toHaveAccessibleDescription(/Missing required configuration "topic"/);
  await expect(page).toHaveURL(/\/connect\/new\?/);

  await topicField.fill(topic);
  await page.getByRole('button', { name: 'Create connector' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const tasks = page.getByRole('table', { name: 'Tasks' });
  await expect(tasks.getByRole('row').nth(1)).toContainText('RUNNING');
  await expect.poll(() => kcatCount(bootstrap, topic), { timeout: 60_000 }).toBe(50);
  await expect(page.getByRole('link', { name: topic })).toBeVisible();

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Pause connector' }).click();
  await expect(tasks.getByRole('row').nth(1)).toContainText('PAUSED');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resume connector' }).click();
  await expect(tasks.getByRole('row').nth(1)).toContainText('RUNNING');

  // The topic page lists the connector that writes it.
  await page.getByRole('link', { name: topic }).click();
  await page.getByRole('tab', { name: 'Connectors' }).click();
  const row = page.getByRole('table', { name: 'Connectors' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('RUNNING');
  await row.getByRole('link', { name }).click();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Delete connector' })).toBeDisabled();
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button', { name: 'Delete connector' }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/connect$/);
  await page.getByRole('searchbox', { name: 'Search connectors' }).fill(name);
  await expect(page.getByText('No connector matches.')).toBeVisible();
});

/** The pid of the process listening on a loopback port (the app's Connect worker), from `ss`. */
function listenerPid(port: string): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`Nothing listens on port ${port}: ${out}`);
  return Number(pid);
}

// Last in this file: it kills the app's Connect worker (no other spec uses Connect).
test('Connect down: the Connect pages say so, the topics pages are unaffected', async ({ page, request }) => {
  const connects = (await (await request.get('/api/clusters/local/connects')).json()) as ConnectList;
  const url = new URL(connects.find((c) => c.name === 'local')!.url);
  process.kill(listenerPid(url.port), 'SIGKILL');

  await page.goto('/clusters/local/connect');
  await expect(page.getByRole('list', { name: 'Connect clusters' })).toContainText(
    'local: offline — Kafka Connect cluster "local" is unreachable',
  );
  await expect(page.getByRole('alert').first()).toContainText('Kafka Connect cluster "local" is unreachable');

  await page.getByRole('link', { name: 'Topics', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Topics' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
