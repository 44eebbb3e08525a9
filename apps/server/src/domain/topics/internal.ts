import { badRequest } from '../errors.ts';

// Kafka creates these itself, sized by broker settings; one made by hand (say with 1 partition) would
// break every consumer group or transaction whose coordinator maps to a partition it lacks.
export const RESERVED_TOPICS = new Set([
  '__consumer_offsets',
  '__transaction_state',
  '__share_group_state',
  '__cluster_metadata',
  '__remote_log_metadata',
]);

/** What an administrator allows beyond the safe default (config key `allowInternalTopicChanges`). */
export interface TopicPolicy {
  allowInternalTopicChanges: boolean;
}

export const SAFE_POLICY: TopicPolicy = { allowInternalTopicChanges: false };

/** Kafka's internal topics, and by convention any "__" name (system topics of Kafka's tools and vendors). */
export const isInternalTopic = (name: string) => RESERVED_TOPICS.has(name) || name.startsWith('__');

/**
 * The one check before any change to a topic: deleting, purging, growing or reconfiguring an internal topic
 * breaks consumer groups or transactions for every client of the cluster.
 */
export function refuseInternal(name: string, what: string, policy: TopicPolicy): void {
  if (isInternalTopic(name) && !policy.allowInternalTopicChanges)
    throw badRequest(
      `"${name}" is one of Kafka's internal topics; Tributary does not ${what} it ` +
        '(an administrator can allow it with allowInternalTopicChanges).',
    );
}
