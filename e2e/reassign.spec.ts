// Issue 17: the partition skew view and the reassignment wizard on a 3-broker cluster of this spec's own,
// with a second Tributary against it (the app under test of the other specs has one broker).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ReassignmentStatus, TopicDetail } from '@tributary/contract';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';

const PORT = Number(process.env.E2E_PORT ?? 18080) + 11;
const BASE = `http://127.0.0.1:${PORT}`;
const cluster = `${BASE}/api/clusters/local`;
const topic = `moving-${Date.now().toString(36)}`;

let kafka: LocalKafka | undefined;
let server: ChildProcess | undefined;
let serverLog = '';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  kafka = await startKafka({ brokers: 3, heap: '384m' });
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      KAFKA_BROKERS: kafka.bootstrapServers.join(','),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
  await expect
    .poll(async () => (await request.get(`${BASE}/api/health`).catch(() => null))?.status(), {
      timeout: 60_000,
      intervals: [500],
      message: `Tributary on ${PORT} did not start:\n${serverLog}`,
    })
    .toBe(200);
  const created = await request.post(`${cluster}/topics`, {
    data: { name: topic, partitions: 2, replicationFactor: 2 },
  });
  expect(created.status(), await created.text()).toBe(201);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await kafka?.stop();
});

const detail = async (request: APIRequestContext, name = topic) =>
  (await (await request.get(`${cluster}/topics/${name}`)).json()) as TopicDetail;
const progress = async (request: APIRequestContext, name = topic) =>
  (await (await request.get(`${cluster}/topics/${name}/reassignments`)).json()) as ReassignmentStatus;

async function openWizard(page: Page) {
  await page.getByRole('button', { name: 'Reassign partitions' }).click();
  return page.getByRole('dialog', { name: /Reassign the partitions of/ });
}

test('the skew view lists every broker; the wizard moves a partition and refuses an unknown broker', async ({
  page,
  request,
}) => {
  const before = await detail(request);
  const now = before.partitions[0]!.replicas;
  const spare = [1, 2, 3].find((b) => !now.includes(b))!;
  const target = [spare, now[0]!];

  await page.goto(`${BASE}/clusters/local/topics/${topic}/overview`);
  const skew = page.getByRole('table', { name: 'Spread across brokers' });
  await expect(skew.getByRole('row')).toHaveCount(4); // a header and brokers 1, 2 and 3
  await expect(page.getByText('No reassignment in progress.')).toBeVisible();

  let wizard = await openWizard(page);
  await wizard.getByLabel('Choose the replicas of each partition').check();
  await wizard.getByLabel(/Replicas of partition 0/).fill(`${now[0]}, 9`);
  await wizard.getByRole('button', { name: 'Start reassignment' }).click();
  await expect(wizard.getByRole('alert')).toContainText('broker 9, not online in this cluster');
  await wizard.getByRole('button', { name: 'Cancel' }).click();

  wizard = await openWizard(page);
  await wizard.getByLabel('Choose the replicas of each partition').check();
  await wizard.getByLabel(/Replicas of partition 0/).fill(target.join(', '));
  await wizard.getByLabel('Throttle (MB/s, optional)').fill('10');
  await wizard.getByRole('button', { name: 'Start reassignment' }).click();
  await expect(wizard).toHaveCount(0);
  await expect
    .poll(
      async () => {
        const s = await progress(request);
        return { inProgress: s.inProgress, replicas: s.partitions[0]!.replicas, throttled: s.throttled };
      },
      { timeout: 60_000 },
    )
    .toEqual({ inProgress: false, replicas: target, throttled: false });
  await page.reload();
  const row0 = page.getByRole('table', { name: 'Partitions' }).getByRole('row').nth(1);
  await expect(row0.getByRole('cell').nth(2)).toHaveText(target.join(', '));
});

test('spread evenly, then elect preferred leaders from the topic page', async ({ page, request }) => {
  await page.goto(`${BASE}/clusters/local/topics/${topic}/overview`);
  const wizard = await openWizard(page);
  await expect(wizard.getByLabel('Spread evenly across the online brokers')).toBeChecked();
  await wizard.getByRole('button', { name: 'Start reassignment' }).click();
  await expect(wizard).toHaveCount(0);
  // Round robin over [1, 2, 3] keeping 2 replicas: partition 0 → [1, 2], 1 → [2, 3].
  await expect
    .poll(async () => (await progress(request)).partitions.map((p) => p.replicas), { timeout: 60_000 })
    .toEqual([
      [1, 2],
      [2, 3],
    ]);
  await expect.poll(async () => (await progress(request)).inProgress).toBe(false);

  await page.getByRole('button', { name: 'Elect preferred leaders' }).click();
  await expect(page.getByText(/Preferred leaders: \d+ elected, \d+ already leading\./)).toBeVisible();
  await expect.poll(async () => (await detail(request)).partitions.map((p) => p.leader)).toEqual([1, 2]);
  await page.reload();
  const skew = page.getByRole('table', { name: 'Spread across brokers' });
  for (const [broker, leaders] of [
    [1, '1'],
    [2, '1'],
    [3, '0'],
  ] as const)
    await expect(skew.getByRole('row').nth(broker).getByRole('cell').nth(1)).toHaveText(leaders);
});

test('a move held back by a tight throttle shows as in progress and is cancelled', async ({
  page,
  request,
}) => {
  const slow = `${topic}-slow`;
  const created = await request.post(`${cluster}/topics`, {
    data: { name: slow, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status()).toBe(201);
  const on = (await detail(request, slow)).partitions[0]!.replicas[0]!;
  const other = [1, 2, 3].find((b) => b !== on)!;
  // 2 MB of data against a 1 KB/s throttle: the new replica cannot catch up while the test looks.
  const line = 'x'.repeat(1000);
  const child = promisify(execFile)('kcat', ['-P', '-b', kafka!.bootstrapServers[0]!, '-t', slow, '-p', '0']);
  child.child.stdin?.end(Array.from({ length: 2000 }, () => line).join('\n') + '\n');
  await child;

  await page.goto(`${BASE}/clusters/local/topics/${slow}/overview`);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Choose the replicas of each partition').check();
  await wizard.getByLabel(/Replicas of partition 0/).fill(`${on}, ${other}`);
  await wizard.getByLabel('Throttle (MB/s, optional)').fill('0.001');
  await wizard.getByRole('button', { name: 'Start reassignment' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 partition is moving.' })).toBeVisible();
  const moving = page.getByRole('table', { name: 'Moving partitions' });
  await expect(moving.getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText(String(other));

  await page.getByRole('button', { name: 'Cancel reassignment' }).click();
  await expect(page.getByText('No reassignment in progress.')).toBeVisible();
  expect((await detail(request, slow)).partitions[0]!.replicas).toEqual([on]);
});
