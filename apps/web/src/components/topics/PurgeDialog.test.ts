import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import { describePartitions, partitionMessages } from './PurgeDialog.tsx';

let t: TFunction;
let tFr: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en' });
  t = i18n.getFixedT('en');
  tFr = i18n.getFixedT('fr');
});

const partition = (startOffset: string | null, endOffset: string | null) => ({
  partition: 0,
  leader: 1,
  replicas: [1],
  isr: [1],
  offlineReplicas: [],
  startOffset,
  endOffset,
  sizeBytes: null,
});

describe('purge wording', () => {
  it('names the chosen partitions the way a sentence does', () => {
    expect(describePartitions([1], t)).toBe('partition 1');
    expect(describePartitions([0, 2], t)).toBe('partitions 0 and 2');
    expect(describePartitions([0, 1, 3], t)).toBe('partitions 0, 1 and 3');
    expect(describePartitions([0, 1, 3], tFr)).toBe('les partitions 0, 1 et 3');
  });

  it('counts a partition as end minus start offset, beyond 2^53, and unknown when an offset is', () => {
    expect(partitionMessages(partition('5', '12'))).toBe(7n);
    expect(partitionMessages(partition('0', '9007199254740993'))).toBe(9007199254740993n);
    expect(partitionMessages(partition(null, '12'))).toBeNull();
  });
});
