import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

test('save a message as a template, reload, pick it, produce it, see it in the table', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const topic = `e2e-templates-${stamp}`;
  const name = `greeting ${stamp}`;
  const created = await page.request.post('/api/clusters/local/topics', {
    data: { name: topic, partitions: 1 },
  });
  expect(created.status()).toBe(201);
  const messages = new MessagesPage(page);
  await messages.goto(topic);

  await messages.openProduce('One message');
  let form = messages.produce.getByRole('form', { name: 'Produce one message' });
  await form.getByLabel('Key', { exact: true }).fill('tpl-key');
  await form.getByRole('textbox', { name: 'Value', exact: true }).fill(`hello from ${stamp}`);
  await form.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Header 1 name').fill('source');
  await form.getByLabel('Header 1 value').fill('template');
  await form.getByLabel('Template name').fill(name);
  await form.getByRole('button', { name: 'Save as template' }).click();
  await expect(form.getByRole('status')).toHaveText(`Saved as "${name}".`);

  // After a reload the form is empty; the template comes back from the server (a Kafka topic).
  await page.reload();
  await messages.openProduce('One message');
  form = messages.produce.getByRole('form', { name: 'Produce one message' });
  await expect(form.getByLabel('Key', { exact: true })).toHaveValue('');
  await form.getByLabel('Saved message').selectOption({ label: `${name} (${topic})` });
  await expect(form.getByLabel('Key', { exact: true })).toHaveValue('tpl-key');
  await expect(form.getByRole('textbox', { name: 'Value', exact: true })).toHaveValue(`hello from ${stamp}`);
  await expect(form.getByLabel('Header 1 value')).toHaveValue('template');
  await form.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Written to partition 0 at offset 0.');

  await messages.applyFilter('partition == 0');
  await expect(messages.rows()).toHaveCount(1);
  await expect(messages.rows().first()).toContainText(`hello from ${stamp}`);
  await expect(messages.rows().first()).toContainText('tpl-key');

  // Deleted: gone from the list.
  await form.getByRole('button', { name: 'Delete saved message' }).click();
  await expect(
    form.getByLabel('Saved message').getByRole('option', { name: `${name} (${topic})` }),
  ).toHaveCount(0);
});
