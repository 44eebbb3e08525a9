import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

const python = process.env.TRIBUTARY_PYTHON ?? `${homedir()}/.cache/tributary/python/bin/python`;

/** Messages with chosen CreateTime timestamps, written by kafka-python-ng (the API produces with "now"). */
function produceAt(bootstrap: string[], topic: string, stamps: string[]) {
  const script = `
import sys
from kafka import KafkaProducer
p = KafkaProducer(bootstrap_servers=sys.argv[1].split(','))
for i, ts in enumerate(sys.argv[3:]):
    p.send(sys.argv[2], key=('at-%d' % i).encode(), value=b'v', partition=0, timestamp_ms=int(ts))
p.flush()
`;
  execFileSync(
    python,
    ['-c', script, bootstrap.join(','), topic, ...stamps.map((s) => String(Date.parse(s)))],
    {
      timeout: 60_000,
    },
  );
}

test.describe('in a Paris browser', () => {
  test.use({ timezoneId: 'Europe/Paris' });

  test('the timestamp picker and the table agree, in local time and in UTC', async ({
    page,
    request,
    bootstrap,
  }) => {
    const topic = `e2e-clock-${Date.now().toString(36)}`;
    expect(
      (await request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })).ok(),
    ).toBe(true);
    // 11:00, 11:30 and 12:00 in Paris (CET, UTC+1).
    produceAt(bootstrap, topic, [
      '2024-01-15T10:00:00.000Z',
      '2024-01-15T10:30:00.000Z',
      '2024-01-15T11:00:00.000Z',
    ]);
    const messages = new MessagesPage(page);
    await messages.goto(topic);

    // Typed as a Paris person reads their clock: the messages at or after 11:30 Paris time, shown in it.
    await messages.browse.getByLabel('Seek').selectOption({ label: 'Timestamp' });
    await messages.browse.getByLabel(/^From time/).fill('2024-01-15T11:30:00');
    await messages.browse.getByLabel('Order').selectOption({ label: 'Oldest first' });
    await messages.browse.getByRole('button', { name: 'Apply' }).click();
    await expect(messages.rows()).toHaveCount(2);
    await expect(messages.rows().nth(0).getByRole('cell').nth(3)).toHaveText('at-1');
    await expect(messages.rows().nth(0).getByRole('cell').nth(2)).toContainText('11:30:00.000');
    await expect(messages.rows().nth(0).getByRole('cell').nth(2)).toContainText(/GMT\+1|CET|UTC\+1/);
    // The address holds the instant, not the wall-clock text.
    await expect(page).toHaveURL(/timestamp=2024-01-15T10%3A30%3A00.000Z/);
    // The rows' dates follow the language at once (each formatter is made once per language).
    const shown = page.locator('time[datetime="2024-01-15T10:30:00.000Z"]');
    await page.getByLabel('Language').selectOption('fr');
    await expect(shown).toContainText('15/01/2024 11:30:00,000');
    await page.getByLabel('Langue').selectOption('en');
    await expect(shown).toContainText('01/15/2024, 11:30:00.000');

    // One switch: the table, the picker and its label follow UTC, and still agree.
    await page.getByLabel('Time zone').selectOption('utc');
    await expect(messages.rows().nth(0).getByRole('cell').nth(2)).toHaveText('2024-01-15 10:30:00.000Z');
    await expect(messages.browse.getByLabel('From time (UTC)')).toHaveValue(/^2024-01-15T10:30(:00)?$/); // Chromium drops :00
    await messages.browse.getByLabel('From time (UTC)').fill('2024-01-15T11:00:00');
    await messages.browse.getByRole('button', { name: 'Apply' }).click();
    await expect(messages.rows()).toHaveCount(1);
    await expect(messages.rows().nth(0).getByRole('cell').nth(3)).toHaveText('at-2');

    // Remembered: a reload keeps UTC.
    await page.reload();
    await expect(messages.rows().nth(0).getByRole('cell').nth(2)).toHaveText('2024-01-15 11:00:00.000Z');
  });
});

test.describe('in a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('the console speaks French, with French numbers; the switch to English is remembered', async ({
    page,
  }) => {
    await page.goto('/clusters/local/topics?internal=1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Topics', level: 1 })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Afficher les topics internes' })).toBeChecked();
    await expect(
      page
        .getByRole('navigation', { name: 'Principale' })
        .getByRole('link', { name: 'Groupes de consommateurs' }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/Page 1 sur 1 · \d+ topics?/);

    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('checkbox', { name: 'Show internal topics' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Show internal topics' })).toBeVisible();
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('button', { name: 'Créer un topic' })).toBeVisible();
  });
});

test('an English browser gets English, and French numbers only in French', async ({ page }) => {
  await page.goto('/clusters/local/brokers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Brokers', level: 1 })).toBeVisible();
});
