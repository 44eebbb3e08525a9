import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// The ACL specs need a local Kafka that authorizes (TRIBUTARY_LOCAL_ACL=1: StandardAuthorizer, Tributary
// logs in as its super user). Their own server on the next port, so the main run's cluster stays as it is;
// `npm test` runs this config after the main one: `npx playwright test -c playwright.acls.config.ts`.
const PORT = Number(process.env.E2E_PORT ?? 18080) + 1;

export default defineConfig({
  ...base,
  testMatch: 'acls.spec.ts',
  testIgnore: [],
  reporter: [['list'], ['json', { outputFile: '.cache/playwright-acls.json' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: 'node apps/server/build.mjs && exec node apps/server/dist/main.js',
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), LOG_LEVEL: 'warn', TRIBUTARY_LOCAL_ACL: '1' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
