// `__consumer_offsets` read in the Messages tab: a group committed by kcat (a client we did not write) shows
// as an offset commit and group metadata, decoded, on the partition its coordinator writes to.
import { describe, expect, it } from 'vitest';
import type { MessagePage, TopicDetail } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { offsetsPartitionFor } from '../src/domain/consumer-groups/offsets-codec.ts';
import { buildTestApp } from './helpers.ts';
import { json } from './topics-fixtures.ts';
import { kcatConsume, produce } from './consumer-groups-fixtures.ts';

describe('__consumer_offsets messages', async () => {
  const app = await buildTestApp();

  it('decodes the commits and the group metadata of a kcat group', async () => {
    const topic = uniqueName('offsets-decoded');
    const group = uniqueName('kcat-group');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/clusters/local/topics',
          ...json({ name: topic, partitions: 1 }),
        })
      ).statusCode,
    ).toBe(201);
    await produce(sharedKafkaBrokers(), topic, 1, 5);
    await kcatConsume(sharedKafkaBrokers(), group, topic, 5);

    const offsets = (await app.inject('/api/clusters/local/topics/__consumer_offsets')).json<TopicDetail>();
    const partition = offsetsPartitionFor(group, offsets.partitionCount);
    const page = await app.inject(
      `/api/clusters/local/topics/__consumer_offsets/messages?partitions=${partition}&seek=newest&limit=500&q=${group}`,
    );
    expect(page.statusCode, page.body).toBe(200);
    const messages = page.json<MessagePage>().messages;
    const commit = messages.find((m) => m.key?.text.includes('"offset commit"'));
    expect(commit?.key?.format).toBe('json');
    expect(JSON.parse(commit!.key!.text)).toEqual({ type: 'offset commit', group, topic, partition: 0 });
    expect(JSON.parse(commit!.value!.text)).toMatchObject({ offset: 5 });
    const metadata = messages.find((m) => m.key?.text.includes('"group metadata"') && m.value !== null);
    expect(JSON.parse(metadata!.key!.text)).toEqual({ type: 'group metadata', group });
    expect(JSON.parse(metadata!.value!.text)).toMatchObject({ protocolType: 'consumer' });
  });
});
