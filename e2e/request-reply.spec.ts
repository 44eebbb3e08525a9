import { expect, test } from './fixtures.ts';

test('send a request, see the reply with its time, and stop the responder', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const [requests, replies] = [`e2e-req-${stamp}`, `e2e-rep-${stamp}`];
  for (const name of [requests, replies])
    expect(
      (await page.request.post('/api/clusters/local/topics', { data: { name, partitions: 1 } })).status(),
    ).toBe(201);

  await page.goto(`/clusters/local/topics/${requests}/request`);
  const responders = page.getByRole('region', { name: 'Responders on this topic' });
  await expect(responders).toContainText('No server-side responder answers this topic.');
  await responders.getByLabel('Responder').selectOption('uppercase');
  await responders.getByRole('button', { name: 'Start a responder' }).click();
  await expect(responders).toContainText('uppercase responder (uppercase): 0 answers');

  const form = page.getByRole('form', { name: 'Send a request' });
  await form.getByLabel('Request value').fill('ping');
  await form.getByLabel('Reply topic').fill(replies);
  await form.getByLabel('Wait at most (ms)').fill('30000');
  await form.getByRole('button', { name: 'Send request' }).click();
  const answer = page.getByRole('list', { name: 'Replies' }).getByRole('listitem');
  await expect(answer).toHaveCount(1, { timeout: 40_000 });
  await expect(answer).toContainText('PING');
  await expect(answer).toContainText(/after \d+ ms/);
  await expect(responders).toContainText('1 answer');

  await responders.getByRole('button', { name: 'Stop uppercase responder' }).click();
  await expect(responders).toContainText('No server-side responder answers this topic.');
  await page.waitForTimeout(1500); // the running server reads the stop
  await form.getByLabel('Wait at most (ms)').fill('1000');
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('region', { name: 'Replies' })).toContainText(
    `Nothing answered on "${replies}"`,
  );

  for (const name of [requests, replies]) await page.request.delete(`/api/clusters/local/topics/${name}`);
});
