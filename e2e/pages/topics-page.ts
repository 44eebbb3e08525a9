import { expect, type Locator, type Page } from '@playwright/test';

/** The topics list and one topic's page, driven like a person would: by roles and labels. */
export class TopicsPage {
  constructor(readonly page: Page) {}

  async goto(cluster = 'local') {
    await this.page.goto(`/clusters/${cluster}/topics`);
    await expect(this.page.getByRole('heading', { name: 'Topics' })).toBeVisible();
  }

  async createTopic(name: string, partitions: number) {
    await this.page.getByRole('button', { name: 'Create topic' }).click();
    const form = this.page.getByRole('form', { name: 'Create topic' });
    await form.getByLabel('Topic name').fill(name);
    await form.getByLabel('Partitions').fill(String(partitions));
    await form.getByRole('button', { name: 'Create topic' }).click();
    return form;
  }

  /** Types into the search box and waits until the (debounced) search is in the address. */
  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search topics' }).fill(text);
    const q = encodeURIComponent(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${q}(&|$)`));
  }

  row(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Topics' })
      .getByRole('row')
      .filter({
        has: this.page.getByRole('link', { name, exact: true }),
      });
  }

  async openTopic(name: string) {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Topic' }).getByRole('tab', { name });
  }

  stat(label: string): Locator {
    return this.page.getByRole('region', { name: label });
  }

  partitionRows(): Locator {
    return this.page
      .getByRole('table', { name: 'Partitions' })
      .getByRole('row')
      .filter({ hasNot: this.page.getByRole('columnheader') });
  }

  configRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Topic configuration' })
      .getByRole('row')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
