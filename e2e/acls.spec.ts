// Runs on a local Kafka with an authorizer: `npx playwright test -c playwright.acls.config.ts`.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the consumer wizard shows its bindings, creates them; the topic page lists them and deletes one', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const topic = `e2e-acls-${stamp}`;
  const group = `e2e-acls-group-${stamp}`;
  const principal = `User:e2e-${stamp}`;
  const created = await page.request.post('/api/clusters/local/topics', {
    data: { name: topic, partitions: 1 },
  });
  expect(created.status()).toBe(201);

  await page.goto('/clusters/local/security/acls');
  await page.getByRole('button', { name: 'New ACLs' }).click();
  const wizard = page.getByRole('region', { name: 'ACL wizard' });
  await expect(wizard.getByRole('tab', { name: 'Consumer' })).toHaveAttribute('aria-selected', 'true');
  await wizard.getByLabel('Principal').fill(principal);
  await wizard.getByLabel('Topic', { exact: true }).fill(topic);
  await wizard.getByLabel('Consumer group').fill(group);
  await wizard.getByRole('button', { name: 'Show the bindings' }).click();

  // The exact bindings before anything is created (the server's dry run), and none exists yet.
  const preview = wizard.getByRole('region', { name: 'These bindings will be created:' });
  await expect(preview.getByRole('listitem')).toHaveText([
    `ALLOW ${principal} READ TOPIC:${topic} (LITERAL, host *)`,
    `ALLOW ${principal} READ GROUP:${group} (LITERAL, host *)`,
  ]);
  const before = await page.request.get(
    `/api/clusters/local/acls?principal=${encodeURIComponent(principal)}`,
  );
  expect((await before.json()).acls).toEqual([]);
  await preview.getByRole('button', { name: 'Create 2 ACLs' }).click();
  await expect(wizard.getByRole('status')).toHaveText('2 ACLs created.');

  // The topic page's ACLs tab: the binding on this topic (the group's is not about the topic).
  await page.goto(`/clusters/local/topics/${topic}/acls`);
  const table = page.getByRole('table', { name: `ACLs that apply to ${topic}` });
  await expect(table.getByRole('row')).toHaveCount(2); // header + one binding
  await expect(table).toContainText(principal);
  await expect(table).toContainText(`TOPIC:${topic}`);
  await expect(table).toContainText('READ');

  // Delete it: the dialog lists what goes (a dry run), then it is gone.
  await table.getByRole('button', { name: `Delete the ACL READ TOPIC:${topic}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete ACL' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    `ALLOW ${principal} READ TOPIC:${topic} (LITERAL, host *)`,
  ]);
  await dialog.getByRole('button', { name: 'Delete 1 ACL' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`No ACL applies to ${topic}`)).toBeVisible();

  // The principal's page still lists its group binding; removed through the API to leave nothing behind.
  await page.goto(`/clusters/local/security/principals/${encodeURIComponent(principal)}`);
  await expect(page.getByRole('table', { name: `ACLs of ${principal}` })).toContainText(`GROUP:${group}`);
  const cleanup = await page.request.delete(
    `/api/clusters/local/acls?principal=${encodeURIComponent(principal)}&dryRun=false`,
  );
  expect((await cleanup.json()).acls).toHaveLength(1);
});

test('axe finds nothing serious on the security pages, the wizard and the topic’s ACLs tab', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const topic = `e2e-acls-axe-${stamp}`;
  expect(
    (
      await page.request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })
    ).status(),
  ).toBe(201);
  const found: string[] = [];
  const scan = async (name: string) => {
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
      found.push(
        `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
  };
  await page.goto('/clusters/local/security/acls');
  await page.getByRole('button', { name: 'New ACLs' }).click();
  const wizard = page.getByRole('region', { name: 'ACL wizard' });
  await wizard.getByRole('tab', { name: 'Producer' }).click();
  await wizard.getByLabel('Principal').fill(`User:axe-${stamp}`);
  await wizard.getByLabel('Topic', { exact: true }).fill(topic);
  await wizard.getByRole('button', { name: 'Show the bindings' }).click();
  await expect(wizard.getByRole('button', { name: 'Create 2 ACLs' })).toBeVisible();
  await scan('acls with the wizard');
  for (const [name, path] of [
    ['users', '/clusters/local/security/users'],
    ['quotas', '/clusters/local/security/quotas'],
    ['principal', `/clusters/local/security/principals/${encodeURIComponent('User:admin')}`],
    ['topic acls', `/clusters/local/topics/${topic}/acls`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await scan(name);
  }
  expect(found).toEqual([]);
});
