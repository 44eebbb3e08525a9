/**
 * Kafka answers a security change once its controller has committed it; each broker applies it a moment
 * later, when it replays the metadata log. Asks `visible` until the change shows (at most `ms`), so the next
 * request (a list, a client's login or fetch) sees it. Never fails: past the deadline the change stands anyway.
 */
export async function settle(visible: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await visible().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
