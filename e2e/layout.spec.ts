import { expect, test } from './fixtures.ts';
import { allPages } from './support/demo.ts';
import { useDemo } from './support/use-demo.ts';

const demo = useDemo();

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no page scrolls sideways: wide tables scroll inside their card', async ({ page }) => {
    for (const [name, path] of allPages(demo())) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => {});
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, `${name} (${path}) is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });

  test('the sidebar is a menu button', async ({ page }) => {
    await page.goto('/clusters/local');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Topics' }).click();
    await expect(page.getByRole('heading', { name: 'Topics', level: 1 })).toBeVisible();
    await expect(nav).toBeHidden(); // following a link closes it
  });
});

test('keyboard: skip link, / focuses search, g t and g g jump to topics and groups', async ({ page }) => {
  await page.goto('/clusters/local');
  // Tab before the app has rendered focuses nothing (seen on a busy machine): wait for the page first.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: 'Topics', level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search topics' })).toBeFocused();
  await page.keyboard.type('gg'); // typing in a field is not a shortcut
  await expect(page.getByRole('heading', { name: 'Topics', level: 1 })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('g');
  await page.keyboard.press('g');
  await expect(page.getByRole('heading', { name: 'Consumer groups', level: 1 })).toBeVisible();
});

test('dark mode follows the system, and the choice in the header wins and is remembered', async ({
  browser,
}) => {
  const context = await browser.newContext({
    colorScheme: 'dark',
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
  });
  const page = await context.newPage();
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  await page.goto('/clusters/local/topics');
  await expect(page.locator('html')).toHaveClass(/dark/);
  const dark = await background();
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(await background()).not.toBe(dark);
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await context.close();
});

test('Produce is on every tab of a topic, and configs read in human units', async ({ page }) => {
  await page.goto(`/clusters/local/topics/${demo().topic}/configuration`);
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill('retention.ms');
  const row = page
    .getByRole('table', { name: 'Topic configuration' })
    .getByRole('row')
    .filter({ hasText: /^retention\.ms/ });
  await expect(row).toContainText('7 d (604800000)');
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill('segment.bytes');
  await expect(page.getByRole('table', { name: 'Topic configuration' })).toContainText('1 GiB (1073741824)');
  await page.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(page).toHaveURL(/\/messages\?produce=1$/);
  await expect(page.getByRole('region', { name: 'Produce' })).toBeVisible();
});

test('the lists refresh on their own, say when they last did, and can be paused', async ({ page }) => {
  await page.goto('/clusters/local/consumer-groups');
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();
  await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
  await expect(page.getByText(/auto-refresh paused/)).toBeVisible();
  await page.goto('/clusters/local/topics');
  await expect(page.getByRole('button', { name: 'Resume auto-refresh' })).toBeVisible(); // remembered
  await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
});
