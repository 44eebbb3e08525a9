import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { allPages, arrangeDemo, type Demo } from './support/demo.ts';

// `npm run screenshots`: every page in both themes and both languages, into .cache/screenshots/ (git-ignored).
// Skipped in the normal run (it checks nothing a person would not see in the pictures).
test.skip(!process.env.SCREENSHOTS, 'run with `npm run screenshots`');

const DIR = '.cache/screenshots';
let demo: Demo;

test.beforeAll(async ({ playwright, bootstrap }) => {
  mkdirSync(DIR, { recursive: true });
  const request = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
  });
  demo = await arrangeDemo(request, bootstrap);
  await request.dispose();
});

for (const theme of ['light', 'dark'] as const)
  for (const language of ['en', 'fr'] as const)
    for (const width of [1440, 390])
      test(`screenshots: ${theme}, ${language}, ${width} px`, async ({ browser }) => {
        test.setTimeout(120_000);
        const context = await browser.newContext({
          viewport: { width, height: width > 1000 ? 900 : 844 },
          colorScheme: theme,
          locale: language === 'fr' ? 'fr-FR' : 'en-US',
        });
        const page = await context.newPage();
        for (const [name, path] of allPages(demo)) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await page.waitForLoadState('networkidle').catch(() => {});
          await page.screenshot({ path: `${DIR}/${name}.${theme}.${language}.${width}.png`, fullPage: true });
        }
        await context.close();
      });
