import { expect, test } from './fixtures.ts';

test('the cluster list shows the embedded local cluster with its broker', async ({ page, bootstrap }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Clusters' })).toBeVisible();
  const row = page.getByRole('row', { name: /local/ });
  await expect(row.getByRole('link', { name: 'local' })).toBeVisible();
  await expect(row).toContainText(bootstrap[0]!);
  await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await expect(row).toContainText('online');
});

test('a deep link opens the cluster page with its navigation', async ({ page }) => {
  await page.goto('/clusters/local/topics');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }),
  ).toBeVisible();
});

test('an unknown address says so and links back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the clusters' }).click();
  await expect(page.getByRole('heading', { name: 'Clusters' })).toBeVisible();
});
