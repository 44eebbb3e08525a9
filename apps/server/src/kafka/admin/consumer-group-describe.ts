// ConsumerGroupDescribe (API 69) v0: the only way to see the members of a KIP-848 (`consumer` protocol) group;
// DescribeGroups answers `Dead` for them. @platformatic/kafka 1.35 ships a v0 codec that reads the member's
// `subscribed_topic_names` (an array) as one string and so fails on every group with members: this codec
// follows the 4.x message schema instead and is sent through the library's connection (same SASL/TLS).
import { createAPI, Writer, type Reader } from '@platformatic/kafka';

export interface DescribedTopicPartitions {
  topicId: string;
  topicName: string;
  partitions: number[];
}
export interface ConsumerProtocolMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: DescribedTopicPartitions[];
  targetAssignment: DescribedTopicPartitions[];
}
export interface ConsumerProtocolGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: ConsumerProtocolMember[];
}

function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

// Assignment => [TopicPartitions] TAG_BUFFER; TopicPartitions => topic_id topic_name [partitions] TAG_BUFFER
function readAssignment(r: Reader): DescribedTopicPartitions[] {
  const topics = r.readArray((t) => ({
    topicId: t.readUUID(),
    topicName: t.readString(),
    partitions: t.readArray((p) => p.readInt32(), true, false),
  }));
  r.readTaggedFields();
  return topics;
}

/** Parses every group, errors included: a per-group error (e.g. a classic group) is the caller's to judge. */
export function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader) {
  reader.readInt32(); // throttle_time_ms
  const groups = reader.readArray((g): ConsumerProtocolGroup => {
    const group = {
      errorCode: g.readInt16(),
      errorMessage: g.readNullableString(),
      groupId: g.readString(),
      groupState: g.readString(),
      groupEpoch: g.readInt32(),
      assignmentEpoch: g.readInt32(),
      assignorName: g.readString(),
      members: g.readArray((m) => ({
        memberId: m.readString(),
        instanceId: m.readNullableString(),
        rackId: m.readNullableString(),
        memberEpoch: m.readInt32(),
        clientId: m.readString(),
        clientHost: m.readString(),
        subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
        subscribedTopicRegex: m.readNullableString(),
        assignment: readAssignment(m),
        targetAssignment: readAssignment(m),
      })),
    };
    g.readInt32(); // authorized_operations
    return group;
  });
  return { groups };
}

export const consumerGroupDescribeV0 = createAPI<
  [groupIds: string[], includeAuthorizedOperations: boolean],
  { groups: ConsumerProtocolGroup[] }
>(69, 0, createRequest, parseResponse);
