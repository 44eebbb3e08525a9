// The Kafka gateway for topics: domain/topics/* see only this and its plain types. kafkajs cannot read a
// cluster with a leaderless partition (see admin/metadata.ts), so these calls go through
// @platformatic/kafka in kafka/admin; each file there says why.
import type { ConfigEntry } from '@tributary/contract';
import { DomainError, notFound } from '../domain/errors.ts';
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import { describeReplicaSizes, type ReplicaSize, type ReplicaSizes } from './admin/log-dirs.ts';
import { alterConfigsIncrementally, describeConfigs, type ConfigResource } from './admin/configs.ts';
import { createPartitions, createTopic, deleteTopic, type NewTopic } from './admin/topic-admin.ts';
import {
  deleteRecordsToEnd,
  listPartitionOffsets,
  type PartitionOffsets,
  type PartitionOffsetsResult,
  type PartitionRefusal,
} from './admin/topic-offsets.ts';
import { readMetadata, type MetadataView } from './admin/metadata.ts';

export type {
  ReplicaSize,
  ReplicaSizes,
  ConfigResource,
  NewTopic,
  PartitionOffsets,
  PartitionOffsetsResult,
  PartitionRefusal,
};

export type TopicMetadata = Omit<MetadataView['topics'][number], 'errorCode'>;
/** A Metadata answer just read, handed back to the gateway so it need not read it again. */
export type MetadataSnapshot = MetadataView;
export type PartitionMetadata = TopicMetadata['partitions'][number];
export type TopicPartitions = { name: string; partitions: number[] }[];

/**
 * How old the topic list's metadata may be: every topic is one Metadata answer that costs tens of ms to read
 * at 10,000 partitions, and a person paging or typing a search asks for it many times a second. Topics other
 * clients create or delete show within this time; the server's own changes clear it at once.
 */
export const TOPIC_LIST_MAX_AGE_MS = 3000;
/** Past this age a list is still answered from the cache, and the metadata is read anew in the background. */
const TOPIC_LIST_REFRESH_MS = 2000;
/** For this long after the last list the metadata is kept fresh in the background: someone is browsing. */
const TOPIC_LIST_KEEP_WARM_MS = 30_000;

const UNKNOWN_TOPIC_OR_PARTITION = 3;
const INVALID_TOPIC_EXCEPTION = 17;
const TOPIC_AUTHORIZATION_FAILED = 29;

export class TopicsGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get cluster(): string {
    return this.connection.name;
  }

  /** Metadata of every topic: one Metadata request, no matter how many topics. */
  async allTopics(): Promise<TopicMetadata[]> {
    const metadata = await readMetadata(this.connection, null);
    return metadata.topics.filter((t) => t.errorCode === 0).map(({ errorCode: _, ...t }) => t);
  }

  /**
   * Every topic's metadata for the topic list: read at most TOPIC_LIST_MAX_AGE_MS ago, and refreshed in the
   * background once older than TOPIC_LIST_REFRESH_MS, so steady browsing never waits for it. The same array
   * is answered until it is replaced (callers may memoize work on it). Our own creates and deletes clear it.
   */
  async listedTopics(): Promise<TopicMetadata[]> {
    this.lastListedAt = Date.now();
    this.keepWarm();
    const listed = this.listed;
    const age = listed ? Date.now() - listed.at : Infinity;
    if (listed && age < TOPIC_LIST_MAX_AGE_MS) {
      // A failed background read is not lost: the request that next waits for a read reports it.
      if (age >= TOPIC_LIST_REFRESH_MS) this.readListed().catch(() => {});
      return listed.topics;
    }
    return this.readListed();
  }

  private listed: { at: number; topics: TopicMetadata[] } | undefined;
  private listing: Promise<TopicMetadata[]> | undefined;
  /** Bumped by our own changes: a read that started before one must not be cached after it. */
  private listedGeneration = 0;

  /** One read at a time; concurrent callers share it. */
  private readListed(): Promise<TopicMetadata[]> {
    if (this.listing) return this.listing;
    const generation = this.listedGeneration;
    const at = Date.now();
    const read = this.allTopics().finally(() => {
      if (this.listing === read) this.listing = undefined;
    });
    this.listing = read;
    return read.then((topics) => {
      if (generation === this.listedGeneration) this.listed = { at, topics };
      return topics;
    });
  }

  /** When the listed metadata was read (ms since 1970); undefined when there is none. */
  get listedAt(): number | undefined {
    return this.listed?.at;
  }

  private lastListedAt = 0;
  private warmTimer: NodeJS.Timeout | undefined;
  /** Bumped when the connection closes: a keep-warm round of the old connection stops. */
  private warmEpoch = 0;
  private warmHooked = false;

  /**
   * While topics are being listed (the last list less than TOPIC_LIST_KEEP_WARM_MS ago), reads the metadata
   * again whenever it reaches TOPIC_LIST_REFRESH_MS, so a person's next click finds it fresh.
   */
  private keepWarm(): void {
    if (this.warmTimer) return;
    if (!this.warmHooked) {
      this.warmHooked = true;
      this.connection.onClose(async () => {
        this.warmHooked = false;
        this.warmEpoch++;
        clearTimeout(this.warmTimer);
        this.warmTimer = undefined;
        this.forgetListed();
      });
    }
    const epoch = this.warmEpoch;
    // Next when the metadata reaches the refresh age; a full period when it is older (a read just failed).
    const age = this.listed ? Date.now() - this.listed.at : Infinity;
    const delay = age < TOPIC_LIST_REFRESH_MS ? TOPIC_LIST_REFRESH_MS - age : TOPIC_LIST_REFRESH_MS;
    this.warmTimer = setTimeout(
      () => {
        this.warmTimer = undefined;
        if (epoch !== this.warmEpoch || Date.now() - this.lastListedAt > TOPIC_LIST_KEEP_WARM_MS) return;
        const again = () => {
          if (epoch === this.warmEpoch) this.keepWarm();
        };
        const listed = this.listed;
        if (listed && Date.now() - listed.at < TOPIC_LIST_REFRESH_MS) again();
        // A failed read is not lost: the request that next waits for a read reports it.
        else this.readListed().then(again, again);
      },
      Math.max(100, delay),
    );
    this.warmTimer.unref();
  }

  /** Forgets the listed metadata: the next list reads it anew (after our own create, delete, new partitions). */
  forgetListed(): void {
    this.listedGeneration++;
    this.listed = undefined;
    this.listing = undefined;
  }

  /**
   * Current metadata of the named topics (one small Metadata request), in the order asked; topics that no
   * longer exist are left out. `snapshot` lets offsets() and replicaSizes() skip reading it again.
   */
  async topicsNamed(names: string[]): Promise<{ topics: TopicMetadata[]; snapshot?: MetadataSnapshot }> {
    if (names.length === 0) return { topics: [] };
    const metadata = await readMetadata(this.connection, names);
    const byName = new Map(metadata.topics.filter((t) => t.errorCode === 0).map((t) => [t.name, t]));
    const topics = names.flatMap((name) => {
      const topic = byName.get(name);
      if (!topic) return [];
      const { errorCode: _, ...rest } = topic;
      return [rest];
    });
    return { topics, snapshot: metadata };
  }

  /** One topic's metadata, or a 404 that names it. */
  async topic(name: string): Promise<TopicMetadata> {
    return this.topicIn(await readMetadata(this.connection, [name]), name);
  }

  private topicIn(metadata: MetadataView, name: string): TopicMetadata {
    const topic = metadata.topics.find((t) => t.name === name);
    // A name Kafka cannot hold (e.g. "a/b") answers INVALID_TOPIC_EXCEPTION: such a topic cannot exist.
    if (topic?.errorCode === INVALID_TOPIC_EXCEPTION)
      throw notFound(`Topic "${name}" does not exist in cluster "${this.cluster}" (not a valid topic name).`);
    if (!topic || topic.errorCode === UNKNOWN_TOPIC_OR_PARTITION)
      throw notFound(`Topic "${name}" does not exist in cluster "${this.cluster}".`);
    if (topic.errorCode === TOPIC_AUTHORIZATION_FAILED)
      throw new DomainError(
        'FORBIDDEN',
        `Not authorized to access topic "${name}" in cluster "${this.cluster}".`,
      );
    const { errorCode: _, ...rest } = topic;
    return rest;
  }

  /**
   * LOG-START and LOG-END offsets of the given partitions (those with a leader that answers), asked of the
   * leaders `snapshot` names (just read by topicsNamed), else of those a new Metadata request names.
   */
  async offsets(topics: TopicPartitions, snapshot?: MetadataSnapshot): Promise<PartitionOffsetsResult> {
    const wanted = topics.filter((t) => t.partitions.length > 0);
    if (wanted.length === 0) return { offsets: [], failed: [], refused: [] };
    const metadata =
      snapshot ??
      (await readMetadata(
        this.connection,
        wanted.map((t) => t.name),
      ));
    return listPartitionOffsets(this.connection, metadata, wanted);
  }

  /**
   * One topic's metadata and the offsets of all its partitions, on metadata read at most `maxAgeMs` ago (a
   * page of messages asks for both at every click). Offsets are always fresh; when a partition's leader did
   * not answer (it moved, the topic went), the metadata is read again at once.
   */
  async topicWithOffsets(
    name: string,
    maxAgeMs: number,
  ): Promise<{ topic: TopicMetadata; offsets: PartitionOffsetsResult }> {
    const cached = this.recent.get(name);
    if (cached && Date.now() - cached.at <= maxAgeMs) {
      const answer = await this.withOffsets(name, cached.metadata).catch(() => undefined);
      if (answer && answer.offsets.offsets.length === answer.topic.partitions.length) return answer;
    }
    this.recent.delete(name);
    const metadata = readMetadata(this.connection, [name]);
    const answer = await this.withOffsets(name, metadata);
    if (answer.offsets.failed.length === 0 && answer.offsets.refused.length === 0) {
      this.recent.set(name, { at: Date.now(), metadata });
      if (this.recent.size > 1000) this.recent.delete(this.recent.keys().next().value!);
    }
    return answer;
  }

  private readonly recent = new Map<string, { at: number; metadata: Promise<MetadataView> }>();

  private async withOffsets(name: string, metadataRead: Promise<MetadataView>) {
    const metadata = await metadataRead;
    const topic = this.topicIn(metadata, name);
    const partitions = topic.partitions.map((p) => p.partition);
    return { topic, offsets: await listPartitionOffsets(this.connection, metadata, [{ name, partitions }]) };
  }

  /** Replica sizes on every broker (the brokers `snapshot` names, else those a Metadata request names). */
  replicaSizes(topics: TopicPartitions, snapshot?: MetadataSnapshot): Promise<ReplicaSizes> {
    return describeReplicaSizes(this.connection, topics, snapshot?.brokers);
  }

  async createTopic(topic: NewTopic): Promise<{ partitions: number; replicationFactor: number }> {
    const created = await createTopic(this.connection, topic);
    this.forgetListed(); // also when settling fails: the topic may exist
    await this.settle(topic.name, (t) => !!t && t.partitions.every((p) => p.leader !== null));
    this.recent.delete(topic.name);
    this.forgetListed();
    return created;
  }

  async deleteTopic(name: string): Promise<void> {
    await deleteTopic(this.connection, name);
    this.forgetListed();
    await this.settle(name, (t) => !t);
    this.recent.delete(name);
    this.forgetListed();
  }

  async createPartitions(name: string, count: number): Promise<void> {
    await createPartitions(this.connection, name, count);
    // New partitions get their leaders a moment later, and the leaders answer ListOffsets a moment after
    // that: wait for both, so the page right after shows counts, not "no leader".
    await this.settle(
      name,
      (t) => !!t && t.partitions.length >= count && t.partitions.every((p) => p.leader !== null),
    );
    await this.settleOffsets(name, count);
    this.recent.delete(name); // read during the change, it may name the old partitions
    this.forgetListed();
  }

  private async settleOffsets(name: string, count: number): Promise<void> {
    const partitions = Array.from({ length: count }, (_, partition) => partition);
    for (let attempt = 0; attempt < 30; attempt++) {
      // A partition its new leader does not know yet is refused (a partition-level error).
      const answered = await this.offsets([{ name, partitions }]).then(
        (result) => result.failed.length === 0 && result.offsets.length === count,
        () => false,
      );
      if (answered) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Brokers learn a change from the controller a moment after it answered; waiting (briefly) until the
   * metadata shows it means the next page load shows what the person just did.
   */
  private async settle(name: string, done: (topic: TopicMetadata | undefined) => boolean): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const metadata = await readMetadata(this.connection, [name]);
      const topic = metadata.topics.find((t) => t.name === name && t.errorCode === 0);
      if (done(topic)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** DeleteRecords up to the high watermark; answers each partition's new start offset. */
  async deleteRecords(
    name: string,
    partitions: number[],
  ): Promise<{ partition: number; startOffset: bigint }[]> {
    const metadata = await readMetadata(this.connection, [name]);
    return deleteRecordsToEnd(this.connection, metadata, name, partitions);
  }

  configs(resource: ConfigResource): Promise<ConfigEntry[]> {
    return describeConfigs(this.connection, resource);
  }

  async alterConfigs(
    resource: ConfigResource,
    change: { set: Record<string, string>; reset: string[] },
    validateOnly = false,
  ): Promise<void> {
    await alterConfigsIncrementally(this.connection, resource, change, validateOnly);
    if (!validateOnly) await this.settleConfigs(resource, change);
  }

  /**
   * The controller answers once a config change is committed; the broker that describes configs applies it
   * a moment later (a busy machine showed the old values). Wait briefly until it shows what was asked.
   */
  private async settleConfigs(
    resource: ConfigResource,
    change: { set: Record<string, string>; reset: string[] },
  ): Promise<void> {
    const dynamic = resource.kind === 'topic' ? 'DYNAMIC_TOPIC_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
    for (let attempt = 0; attempt < 30; attempt++) {
      const entries = new Map((await this.configs(resource)).map((c) => [c.name, c]));
      const setShown = Object.entries(change.set).every(
        ([name, value]) => entries.get(name)?.sensitive || entries.get(name)?.value === value,
      );
      const resetShown = change.reset.every((name) => entries.get(name)?.kafkaSource !== dynamic);
      if (setShown && resetShown) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The topics gateway of one cluster connection. */
export const topicsGateway = perConnection((connection) => new TopicsGateway(connection));
