import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

// The app's own start path runs a real Schema Registry (Apicurio) beside the local Kafka, in the background.
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const USER = {
  type: 'record',
  name: 'User',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'age', type: 'int' },
  ],
};

test.beforeEach(async ({ request }) => {
  // npm start answers before the registry is ready; the API says "still starting" (503) meanwhile.
  await expect
    .poll(async () => (await request.get('/api/clusters/local/schemas')).status(), {
      timeout: 120_000,
      intervals: [1000],
    })
    .toBe(200);
});

test('register a subject, evolve it (an incompatible change is refused with the reason), produce Avro from JSON, see it decoded in Messages and the live tail', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const topic = unique('e2e-avro');
  const subject = `${topic}-value`;
  expect(
    (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })).status(),
  ).toBe(201);

  await page.goto('/clusters/local/schemas');
  await expect(page.getByRole('heading', { name: 'Schema Registry' })).toBeVisible();
  await page.getByRole('link', { name: 'Create subject' }).click();
  await page.getByLabel(/^Subject/).fill(subject);
  await page.getByLabel('Schema', { exact: true }).fill(JSON.stringify(USER, null, 2));
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('Latest: version 1')).toBeVisible();

  await page.getByLabel('Level').selectOption('BACKWARD');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Compatibility set to BACKWARD.')).toBeVisible();

  // age becomes a string: old records cannot be read with it.
  const schemaBox = page.getByLabel('Schema', { exact: true });
  const incompatible = { ...USER, fields: [USER.fields[0], { name: 'age', type: 'string' }] };
  await schemaBox.fill(JSON.stringify(incompatible, null, 2));
  await page.getByRole('button', { name: 'Check compatibility' }).click();
  await expect(page.getByText('Not compatible with the earlier versions.')).toBeVisible();
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('alert')).toContainText(/incompatible/i);

  // A new optional field is a compatible evolution.
  const evolved = {
    ...USER,
    fields: [...USER.fields, { name: 'city', type: ['null', 'string'], default: null }],
  };
  await schemaBox.fill(JSON.stringify(evolved, null, 2));
  await page.getByRole('button', { name: 'Check compatibility' }).click();
  await expect(page.getByText('Compatible: this schema can be registered')).toBeVisible();
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('Latest: version 2')).toBeVisible();
  // Versions 1 and 2 side by side: the added field is marked on the right only.
  const v1 = page.getByLabel('Schema of version 1', { exact: true });
  const v2 = page.getByLabel('Schema of version 2, compared', { exact: true });
  await expect(v1).toContainText('"age"');
  await expect(v1).not.toContainText('"city"');
  await expect(v2).toContainText(/\+\d+\s*"name": "city"/);

  // The live tail runs while the message is produced from the Messages tab.
  const live = await page.context().newPage();
  await live.goto(`/clusters/local/topics/${topic}/live`);
  await live.getByRole('button', { name: 'Start' }).click();
  await expect(live.getByRole('status', { name: 'Live tail statistics' })).toContainText('Live');
  // The tail's filter reaches into the decoded Avro record.
  await live.getByLabel('Filter expression').fill('value.age > 30');
  await live.getByRole('button', { name: 'Apply filter' }).click();
  const young = await request.post(`/api/clusters/local/topics/${topic}/messages`, {
    data: { key: 'bob', value: '{"name":"bob","age":20,"city":null}', valueSchema: { subject } },
  });
  expect(young.status()).toBe(201);

  const messages = new MessagesPage(page);
  await messages.goto(topic);
  await messages.openProduce('One message');
  const one = messages.produce.getByRole('form', { name: 'Produce one message' });
  await one.getByLabel('Key', { exact: true }).fill('alice');
  await one.getByLabel(/^Value schema/).fill(subject);
  const value = one.getByRole('textbox', { name: 'Value', exact: true });
  await value.fill('{"name":"alice","age":"old"}');
  await one.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(one.getByRole('alert')).toContainText('field "age" does not match the schema');
  await value.fill('{"name":"alice","age":31,"city":"Lyon"}');
  await one.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(one.getByRole('status')).toHaveText('Written to partition 0 at offset 1.');

  await messages.applyFilter('value.age > 30');
  await expect(messages.rows()).toHaveCount(1);
  await expect(messages.rows().first()).toContainText('{"name":"alice","age":31,"city":"Lyon"}');
  await messages.rows().first().click();
  await expect(page.getByLabel('Message 0:1')).toContainText(`${subject} v2`);

  const liveRows = live.getByRole('rowgroup', { name: 'Live message rows' }).getByRole('row');
  await expect(liveRows).toHaveCount(1);
  await expect(liveRows.first()).toContainText('"city":"Lyon"');

  // Pasted lines with the value schema: one bad line refuses them all, naming the line and the field.
  await messages.openProduce('Many (lines)');
  const many = messages.produce.getByRole('form', { name: 'Produce lines' });
  await many.getByLabel(/^Value schema/).fill(subject);
  const box = many.getByLabel(/^Lines, one message each/);
  const dan = 'dan:{"name":"dan","age":40,"city":null}';
  await box.fill(`${dan}\nerin:{"name":"erin","age":"ten","city":null}`);
  await many.getByRole('button', { name: 'Produce lines' }).click();
  await expect(many.getByRole('alert')).toContainText(
    `The value on line 2 does not match ${subject} version 2: field "age"`,
  );
  await box.fill(`${dan}\nerin:{"name":"erin","age":10,"city":null}`);
  await many.getByRole('button', { name: 'Produce lines' }).click();
  await expect(many.getByRole('status')).toContainText('Wrote 2 of 2 messages');
  await expect(liveRows).toHaveCount(2); // dan is over 30, erin is not

  // The topic's overview links its value subject (TopicNameStrategy).
  await page.goto(`/clusters/local/topics/${topic}/overview`);
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();

  // A version goes (soft), then the whole subject, permanently, after a second confirmation.
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByLabel('What to delete').selectOption({ label: 'Version 1' });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText(`Version 1 of ${subject} deleted.`)).toBeVisible();
  await expect(page.getByLabel('Compare', { exact: true }).locator('option')).toHaveText(['Version 2']);

  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByLabel('Delete permanently (cannot be undone)').check();
  await page.getByRole('button', { name: 'Continue…' }).click();
  const sure = page.getByRole('dialog', { name: `Delete permanently: The whole subject ${subject}` });
  await expect(sure.getByRole('button', { name: 'Delete permanently' })).toBeDisabled();
  await sure.getByRole('textbox').fill(subject);
  await sure.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByText(`Subject ${subject} deleted permanently.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Schema Registry' })).toBeVisible();
  expect((await request.get(`/api/clusters/local/schemas/${subject}`)).status()).toBe(404);
});
