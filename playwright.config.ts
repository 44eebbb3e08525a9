import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium (never `playwright install`). The web server is Tributary's real
// start path: no KAFKA_BROKERS, so it starts its own local Kafka; tests read its address from /api/clusters.
const PORT = Number(process.env.E2E_PORT ?? 18080);

export default defineConfig({
  testDir: 'e2e',
  // Needs an authorizing cluster: its own config and server (playwright.acls.config.ts).
  testIgnore: 'acls.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '.cache/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: {
    // The compiled server, as `npm start` runs it (exec: the shell gives way, signals reach Node).
    command: 'node apps/server/build.mjs && exec node apps/server/dist/main.js',
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), LOG_LEVEL: 'warn' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
