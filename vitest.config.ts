import { defineConfig } from 'vitest/config';

// Tiers by file name: `*.test.ts(x)` are unit tests, `*.int.test.ts` talk to a real Kafka that the
// global setup starts once for the run (see packages/local-kafka/src/testing).
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.cache/vitest.json' }]],
    // 2 cores: more workers only fight over the CPU the brokers need.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/{src,test}/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/{src,test}/**/*.int.test.ts'],
          globalSetup: ['./packages/local-kafka/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A real broker on a loaded 2-core machine: one retry, and the test command names every test
          // that needed it (scripts/tributary.mjs), so a flaky test stays visible instead of sinking CI.
          retry: 1,
        },
      },
    ],
  },
});
