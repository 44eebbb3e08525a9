import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { allPages } from './support/demo.ts';
import { useDemo } from './support/use-demo.ts';

const demo = useDemo();

for (const theme of ['light', 'dark'] as const)
  test(`axe finds nothing serious on any page in the ${theme} theme`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({
      colorScheme: theme,
      baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
    });
    const page = await context.newPage();
    const found: string[] = [];
    for (const [name, path] of allPages(demo())) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => {});
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
        .analyze();
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        found.push(
          `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
        );
    }
    await context.close();
    expect(found).toEqual([]);
  });
