import { expect, test } from './fixtures.ts';

// Issue 17: the API's documentation page works under the server's Content-Security-Policy, reads the
// generated OpenAPI document and can call the API from the page ("Try it out").
test('the API documentation page lists the operations and calls the API, with no CSP violation', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/api/docs');
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
  await expect(page.getByRole('heading', { name: /Tributary/ })).toBeVisible();
  // Every resource is a section; the WebSocket routes are there, described in words.
  for (const tag of ['clusters', 'topics', 'messages', 'consumer-groups', 'connect', 'operations'])
    await expect(page.locator(`#operations-tag-${tag}`)).toBeVisible();
  await expect(page.getByText('/api/clusters/{cluster}/topics/{topic}/live')).toBeVisible();

  // Try it out: GET /api/clusters from the page answers the local cluster.
  const operation = page.locator('#operations-clusters-get_api_clusters');
  await operation.locator('.opblock-summary-control').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  await expect(operation.locator('.live-responses-table tbody .response-col_status')).toContainText('200');
  await expect(operation.locator('.live-responses-table')).toContainText('"name": "local"');
  expect(violations).toEqual([]);
});
