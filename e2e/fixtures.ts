import { test as base, expect } from '@playwright/test';
import type { ClusterList } from '@tributary/contract';

/** Playwright test with `bootstrap`: the started app's local Kafka, for arranging through real clients. */
export const test = base.extend<object, { bootstrap: string[] }>({
  bootstrap: [
    async ({ playwright }, use) => {
      const request = await playwright.request.newContext({
        baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
      });
      const clusters = (await (await request.get('/api/clusters')).json()) as ClusterList;
      const local = clusters.find((c) => c.name === 'local');
      if (!local) throw new Error('The app under test lists no `local` cluster');
      await request.dispose();
      await use(local.bootstrapServers);
    },
    { scope: 'worker' },
  ],
});

export { expect };
