import { test } from '../fixtures.ts';
import { arrangeDemo, type Demo } from './demo.ts';

/** Arranges the demo data once for the spec file (its beforeAll); the getter returns it inside tests. */
export function useDemo(): () => Demo {
  let demo: Demo | undefined;
  test.beforeAll(async ({ playwright, bootstrap }) => {
    const request = await playwright.request.newContext({
      baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`,
    });
    demo = await arrangeDemo(request, bootstrap);
    await request.dispose();
  });
  return () => {
    if (!demo) throw new Error('The demo data was not arranged (its beforeAll did not run)');
    return demo;
  };
}
