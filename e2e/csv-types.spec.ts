import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

const run = promisify(execFile);

test('a CSV upload guesses column types, lets the user change one, and writes numbers as numbers', async ({
  page,
  bootstrap,
}) => {
  const topic = `e2e-csv-types-${Date.now().toString(36)}`;
  expect(
    (
      await page.request.post('/api/clusters/local/topics', { data: { name: topic, partitions: 1 } })
    ).status(),
  ).toBe(201);
  const path = join(mkdtempSync(join(tmpdir(), 'e2e-csv-types-')), 'accidents.csv');
  writeFileSync(path, 'Num_Acc;grav;lat;dep\n202200000001;4;48,85;75\n202200000002;1;43,3;13\n');

  const messages = new MessagesPage(page);
  await messages.goto(topic);
  await messages.openProduce('From a file');
  await messages.produce.getByLabel('File (CSV or JSON Lines)').setInputFiles(path);
  const typeOf = (column: string) => messages.produce.getByLabel(`Type of ${column}`);
  await expect(typeOf('grav')).toHaveValue('number');
  await expect(typeOf('lat')).toHaveValue('number'); // decimal commas, as a French spreadsheet writes them
  await expect(typeOf('Num_Acc')).toHaveValue('number');
  await typeOf('dep').selectOption('string'); // a département code is a name, not a quantity
  await typeOf('Num_Acc').selectOption('string');
  await messages.produce.getByRole('button', { name: 'Send file' }).click();
  await expect(messages.produce.getByRole('status')).toHaveText('Wrote 2 of 2 messages.');

  const { stdout } = await run(
    'kcat',
    ['-b', bootstrap[0]!, '-C', '-t', topic, '-o', 'beginning', '-e', '-q'],
    {
      timeout: 30_000,
    },
  );
  expect(stdout.trim().split('\n')).toEqual([
    '{"Num_Acc":"202200000001","grav":4,"lat":48.85,"dep":"75"}',
    '{"Num_Acc":"202200000002","grav":1,"lat":43.3,"dep":"13"}',
  ]);
});
