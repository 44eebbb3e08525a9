import { expect, test } from './fixtures.ts';

// Issue 10: the SPA is served with a strict Content-Security-Policy; the built app must still work under it,
// Live tail (WebSocket) included, without a single violation.
test('the app works under its Content-Security-Policy, with no violation reported', async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const topic = `csp-${Date.now().toString(36)}`;
  expect(
    (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })).ok(),
  ).toBe(true);

  const document = await page.goto('/clusters/local/topics');
  const headers = document!.headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  await expect(page.getByRole('link', { name: topic })).toBeVisible();

  await page.goto(`/clusters/local/topics/${topic}/live`);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status', { name: 'Live tail statistics' })).toContainText('Live');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(violations).toEqual([]);
  await request.delete(`/api/clusters/local/topics/${topic}`);
});
