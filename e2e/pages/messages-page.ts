import { expect, type Locator, type Page } from '@playwright/test';

/** A topic's Messages tab, driven by roles and labels. */
export class MessagesPage {
  constructor(readonly page: Page) {}

  async goto(topic: string, cluster = 'local') {
    await this.page.goto(`/clusters/${cluster}/topics/${encodeURIComponent(topic)}/messages`);
    await expect(this.page.getByRole('form', { name: 'Browse messages' })).toBeVisible();
  }

  get browse(): Locator {
    return this.page.getByRole('form', { name: 'Browse messages' });
  }

  get produce(): Locator {
    return this.page.getByRole('region', { name: 'Produce' });
  }

  async openProduce(mode: 'One message' | 'Many (lines)' | 'From a file') {
    // The header's toggle, not the form's submit button of the same name. After a reload the panel
    // may come back open from the URL, so read its state (getAttribute waits for the button) first.
    const toggle = this.page.locator('button[aria-expanded]', { hasText: /^Produce$/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.produce.getByRole('tab', { name: mode }).click();
  }

  /** Data rows of the table (the header row excluded). */
  rows(): Locator {
    return this.page.getByRole('rowgroup', { name: 'Message rows' }).getByRole('row');
  }

  async applyFilter(
    expression: string,
    seek: 'Newest (last N)' | 'Oldest (--from-beginning)' = 'Oldest (--from-beginning)',
  ) {
    await this.browse.getByLabel('Seek').selectOption({ label: seek });
    await this.browse.getByLabel('Filter expression').fill(expression);
    await this.browse.getByRole('button', { name: 'Apply' }).click();
  }
}
