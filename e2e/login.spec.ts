import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

// Issue 10: with users configured, a person logs in, sees only the clusters their role covers and only the
// actions their role allows (the page says why the others are hidden; the server refuses them too),
// switches clusters in the header, and logs out. This spec starts its
// own server with a config file, over the e2e server's local Kafka; the other specs run without login.
const PORT = Number(process.env.E2E_LOGIN_PORT ?? 18090);
const url = `http://127.0.0.1:${PORT}`;
// argon2id of 'viewer-password' (made with @node-rs/argon2's hash)
const passwordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$jAoZ2N7ulfo+YymuUa9IFw$pmdRBYVwjg4e/E7pmb/y2Yz7Caia/NvEq145sQOKFJs';
let server: ChildProcess | undefined;

test.beforeAll(async ({ bootstrap }) => {
  const config = join(mkdtempSync(join(tmpdir(), 'tributary-login-')), 'tributary.yaml');
  const servers = JSON.stringify(bootstrap);
  writeFileSync(
    config,
    `clusters:
  - { name: shared, bootstrapServers: ${servers} }
  - { name: hidden, bootstrapServers: ${servers} }
users:
  - username: vera
    passwordHash: "${passwordHash}"
    roles: [{ role: viewer, clusters: [shared] }]
  - username: olga
    passwordHash: "${passwordHash}"
    roles: [{ role: operator, clusters: [shared, hidden] }]
  - username: ada
    passwordHash: "${passwordHash}"
    roles: admin
`,
  );
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, TRIBUTARY_CONFIG: config, PORT: String(PORT), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the login server did not start');
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('log in, see only permitted clusters, be refused a delete as a viewer, log out', async ({
  page,
  request,
}) => {
  const topic = `login-${Date.now().toString(36)}`;
  // Arranged on the e2e server (no login there): the same Kafka.
  expect(
    (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })).ok(),
  ).toBe(true);

  await page.goto(`${url}/`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('User name').fill('vera');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Wrong user name or password.')).toBeVisible();
  await page.getByLabel('Password').fill('viewer-password');
  await page.getByRole('button', { name: 'Log in' }).click();

  await expect(page.getByRole('link', { name: 'shared' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'hidden' })).toHaveCount(0);
  await expect(page.getByText('Logged in as')).toContainText('vera');
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0); // admins only

  await page.goto(`${url}/clusters/shared/topics/${topic}`);
  // A viewer's page shows no action that changes anything, and says why.
  await expect(page.getByRole('heading', { name: topic })).toBeVisible();
  await expect(
    page.getByText('vera is a viewer here: actions that need another role are hidden.'),
  ).toBeVisible();
  for (const action of ['Delete topic', 'Purge', 'Add partitions', 'Produce'])
    await expect(page.getByRole('button', { name: action })).toHaveCount(0);
  // One cluster only: no cluster switcher.
  await expect(page.getByRole('combobox', { name: 'Cluster' })).toHaveCount(0);
  // The server refuses it too, whatever the page shows.
  const status = await page.evaluate(
    async (path) => (await fetch(path, { method: 'DELETE' })).status,
    `/api/clusters/shared/topics/${topic}`,
  );
  expect(status).toBe(403);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${url}/clusters/shared/topics`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await request.delete(`/api/clusters/local/topics/${topic}`);
});

test('an operator sees what an operator may do, and switches clusters in the header', async ({ page }) => {
  await page.goto(`${url}/login`);
  await page.getByLabel('User name').fill('olga');
  await page.getByLabel('Password').fill('viewer-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Logged in as')).toContainText('olga'); // the session cookie is set
  await page.goto(`${url}/clusters/shared/topics/__consumer_offsets`);
  await expect(page.getByRole('button', { name: 'Produce' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Purge' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete topic' })).toHaveCount(0);
  await expect(
    page.getByText('olga is an operator here: actions that need another role are hidden.'),
  ).toBeVisible();
  const switcher = page.getByRole('combobox', { name: 'Cluster' });
  await expect(switcher).toHaveValue('shared');
  await switcher.selectOption('hidden');
  await expect(page).toHaveURL(`${url}/clusters/hidden/topics`);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('an admin reads the audit log: who changed what, including a change that was refused', async ({
  page,
}) => {
  const topic = `audited-${Date.now().toString(36)}`;
  await page.goto(`${url}/login`);
  await page.getByLabel('User name').fill('ada');
  await page.getByLabel('Password').fill('viewer-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Logged in as')).toContainText('ada');
  // Two changes through the API with ada's session: a topic created, then the same name again (409).
  for (const expected of [201, 409]) {
    const status = await page.evaluate(
      async (name) =>
        (
          await fetch('/api/clusters/shared/topics', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name, partitions: 1 }),
          })
        ).status,
      topic,
    );
    expect(status).toBe(expected);
  }
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: topic });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/ada\s*create a topic\s*shared/);
  await expect(rows.nth(0)).toContainText('409');
  await expect(rows.nth(1)).toContainText('201');
  const status = await page.evaluate(
    async (path) => (await fetch(path, { method: 'DELETE' })).status,
    `/api/clusters/shared/topics/${topic}`,
  );
  expect(status).toBe(204);
});
