import type { DeleteGroupOffsetsResult } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import { loadGroup } from './describe.ts';
import { blockedReason } from './reset.ts';

/** `--delete --group g`: refused while consumers run (the broker would answer NON_EMPTY_GROUP anyway). */
export async function deleteConsumerGroup(groups: GroupsGateway, groupId: string): Promise<void> {
  const core = await loadGroup(groups, groupId);
  const blocked = blockedReason(core);
  if (blocked) throw conflict(`The group was not deleted. ${blocked}`, { group: groupId });
  await groups.delete(groupId);
}

/** `--delete-offsets --group g --topic t`: forgets where the group was in one topic. */
export async function deleteConsumerGroupTopicOffsets(
  groups: GroupsGateway,
  groupId: string,
  topic: string,
): Promise<DeleteGroupOffsetsResult> {
  const core = await loadGroup(groups, groupId);
  const partitions = [...(core.committed.get(topic)?.keys() ?? [])];
  if (partitions.length === 0)
    throw notFound(`Consumer group "${groupId}" has no committed offsets for topic "${topic}".`, {
      group: groupId,
      topic,
    });
  if (core.members.some((m) => m.assignments.some((a) => a.topic === topic)))
    throw conflict(
      `Consumer group "${groupId}" has active members reading "${topic}"; stop them before deleting its offsets.`,
    );
  try {
    return { groupId, topic, partitions: await groups.deleteOffsets(groupId, topic, partitions) };
  } catch (error) {
    if (error instanceof DomainError && error.details?.kafkaError === 'GROUP_SUBSCRIBED_TO_TOPIC')
      throw conflict(
        `Consumer group "${groupId}" is still subscribed to "${topic}"; stop its consumers first.`,
      );
    throw error;
  }
}
