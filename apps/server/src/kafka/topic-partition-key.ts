/** One Map key per topic partition (a NUL cannot be in a topic name, so no two pairs share a key). */
export const topicPartitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;
