// Issue 18: an operator opens the console during an incident. This spec runs its own 3-broker cluster and a
// second Tributary against it (the app under test of the other specs has one broker), then kills a broker.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { TopicDetail } from '@tributary/contract';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';

const PORT = Number(process.env.E2E_PORT ?? 18080) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const cluster = `${BASE}/api/clusters/local`;
const PARTITIONS = 6;
const topic = `outage-${Date.now().toString(36)}`;

let kafka: LocalKafka | undefined;
let server: ChildProcess | undefined;
let serverLog = '';

async function waitHealthy(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => (await request.get(`${BASE}/api/health`).catch(() => null))?.status(), {
      timeout: 60_000,
      intervals: [500],
      message: `Tributary on ${PORT} did not start:\n${serverLog}`,
    })
    .toBe(200);
}

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
  server.once('exit', (code, signal) => console.log(`Tributary exited (${code ?? signal}):\n${serverLog}`));
  await waitHealthy(request);
  // Replication factor 1: a partition led by the killed broker has no other replica, so it stays unreadable.
  const created = await request.post(`${cluster}/topics`, {
    data: { name: topic, partitions: PARTITIONS, replicationFactor: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (let p = 0; p < PARTITIONS; p++)
    await expect
      .poll(
        async () =>
          (
            await request.post(`${cluster}/topics/${topic}/messages`, {
              data: { key: null, value: `value-of-partition-${p}`, partition: p },
            })
          ).status(),
        { timeout: 30_000 },
      )
      .toBe(201);
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

test('a killed broker: the overview and brokers page name it, the topic lists live partitions with a warning', async ({
  page,
  request,
}) => {
  const detail = (await (await request.get(`${cluster}/topics/${topic}`)).json()) as TopicDetail;
  const victim = detail.partitions[0]!.leader!;
  const dead = detail.partitions.filter((p) => p.leader === victim).map((p) => p.partition);
  const live = detail.partitions.filter((p) => p.leader !== victim).map((p) => p.partition);
  expect(live.length).toBeGreaterThan(0);

  await kafka!.killBroker(victim);

  // The overview says at once which broker does not answer us (before Kafka fences it, ~9 s later).
  await page.goto(`${BASE}/clusters/local`);
  const brokersStat = page.getByRole('region', { name: 'Brokers online' });
  await expect(async () => {
    await page.reload();
    await expect(brokersStat).toContainText(`Not answering us: broker ${victim}`, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(
    page.getByRole('note').filter({ hasText: 'A broker does not answer Tributary' }),
  ).toContainText(`Broker ${victim}`);

  // The brokers page flags it and says when it was last heard from.
  await page.goto(`${BASE}/clusters/local/brokers`);
  await expect(page.getByRole('columnheader', { name: 'Last heard' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'not answering' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').first()).toHaveText(new RegExp(`^${victim}(\\D|$)`));
  await expect(row).toContainText(/ago|now|never/);

  // The topic's messages: the live partitions are listed, the dead ones named in a warning.
  await page.goto(`${BASE}/clusters/local/topics/${topic}/messages`);
  const rows = page.getByRole('rowgroup', { name: 'Message rows' }).getByRole('row');
  for (const p of live) await expect(rows.filter({ hasText: `value-of-partition-${p}` })).toHaveCount(1);
  for (const p of dead) await expect(rows.filter({ hasText: `value-of-partition-${p}` })).toHaveCount(0);
  const warning = page.getByRole('note').filter({ hasText: 'Some partitions could not be read' });
  for (const p of dead) await expect(warning).toContainText(`Partition ${p} was not read`);
});
