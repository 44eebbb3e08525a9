// `kafka-leader-election --election-type PREFERRED`: for one topic (some or all partitions) or the cluster.
import type { LeaderElectionBody, LeaderElectionResult } from '@tributary/contract';
import type { ReassignmentsGateway } from '../../kafka/reassignments-gateway.ts';
import type { TopicsGateway } from '../../kafka/topics-gateway.ts';
import { badRequest } from '../errors.ts';

export async function electPreferredLeaders(
  topics: TopicsGateway,
  reassignments: ReassignmentsGateway,
  body: LeaderElectionBody,
): Promise<LeaderElectionResult> {
  if (body.partitions && !body.topic)
    throw badRequest('"partitions" needs a "topic"; leave both out to elect across the whole cluster.');
  let request: { name: string; partitions: number[] }[] | null = null;
  if (body.topic) {
    const all = (await topics.topic(body.topic)).partitions.map((p) => p.partition);
    const wanted = [...new Set(body.partitions ?? all)];
    const missing = wanted.filter((p) => !all.includes(p));
    if (missing.length)
      throw badRequest(
        `Topic "${body.topic}" has ${all.length} partition${all.length === 1 ? '' : 's'} (0–${all.length - 1}): ` +
          `partition ${missing.join(', ')} does not exist.`,
      );
    request = [{ name: body.topic, partitions: wanted }];
  }
  const answers = await reassignments.electPreferred(request);
  return {
    partitions: answers
      .map((a) => {
        const outcome = !a.error
          ? 'elected'
          : a.error.name === 'ELECTION_NOT_NEEDED'
            ? 'already-preferred'
            : 'failed';
        return {
          topic: a.topic,
          partition: a.partition,
          outcome,
          message: outcome === 'failed' ? (a.error?.message ?? null) : null,
        } as const;
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
}
