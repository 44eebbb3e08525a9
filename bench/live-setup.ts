// What the live benches share: a broker, the real server in this process serving the built web app, Chromium,
// a fresh topic and a tab on its Live page, tailing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startKafka } from '@tributary/local-kafka';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface LiveBench {
  broker: string;
  /** The server's address, `http://127.0.0.1:<port>`. */
  base: string;
  browser: Browser;
  topic: string;
  /** The tab on the topic's Live page, started. */
  page: Page;
  stop(): Promise<void>;
}

export async function startLiveBench(options: {
  topicPrefix: string;
  partitions: number;
  topicConfigs?: Record<string, string>;
}): Promise<LiveBench> {
  const kafka = await startKafka({ heap: '768m' });
  const broker = kafka.bootstrapServers[0]!;
  const config = loadConfig({ KAFKA_BROKERS: broker, LOG_LEVEL: 'warn' });
  config.webDist = process.env.WEB_DIST ?? join(ROOT, 'apps/web/dist');
  const app = await buildApp(config, { logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const stop = async () => {
    await browser.close();
    await app.close();
    await kafka.stop();
  };
  try {
    const topic = `${options.topicPrefix}-${Date.now()}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/topics',
      payload: { name: topic, partitions: options.partitions, configs: options.topicConfigs },
    });
    if (created.statusCode >= 300) throw new Error(`create topic: ${created.body}`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/clusters/local/topics/${topic}/live`);
    await page.getByRole('button', { name: 'Start' }).click();
    await page
      .getByRole('status', { name: 'Live tail statistics' })
      .getByText('Live', { exact: true })
      .waitFor();
    return { broker, base, browser, topic, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
