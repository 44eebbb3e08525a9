import { Type, type Static } from 'typebox';

// ---- Kafka's ACLs: GET/POST/DELETE /api/clusters/:cluster/acls and the wizards under .../acls/wizards/
// (issue 16). Names are Kafka's own (kafka-acls, the Java AdminClient). ----

/** A choice of Kafka's names: a union of literals (the error handler lists them when one is wrong). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const ACL_RESOURCE_TYPES = [
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
] as const;
export const ACL_PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const;
/** A filter also takes ANY (every pattern) and MATCH (the ACLs that apply to one name: literal, `*`, prefixes). */
export const ACL_FILTER_PATTERN_TYPES = ['LITERAL', 'PREFIXED', 'ANY', 'MATCH'] as const;
export const ACL_OPERATIONS = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
] as const;
export const ACL_PERMISSION_TYPES = ['ALLOW', 'DENY'] as const;

export const AclResourceType = oneOf(ACL_RESOURCE_TYPES);
export type AclResourceType = Static<typeof AclResourceType>;
export const AclPatternType = oneOf(ACL_PATTERN_TYPES);
export type AclPatternType = Static<typeof AclPatternType>;
export const AclFilterPatternType = oneOf(ACL_FILTER_PATTERN_TYPES);
export type AclFilterPatternType = Static<typeof AclFilterPatternType>;
export const AclOperation = oneOf(ACL_OPERATIONS);
export type AclOperation = Static<typeof AclOperation>;
export const AclPermissionType = oneOf(ACL_PERMISSION_TYPES);
export type AclPermissionType = Static<typeof AclPermissionType>;

/** `User:alice` (the principal type, a colon, a name); Kafka's own principals are `User:`. */
export const PRINCIPAL_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*:.+$';
// No descriptions: these are query parameters too, which OpenAPI documents apart from their schema.
const Principal = Type.String({ pattern: PRINCIPAL_PATTERN, maxLength: 1000 });
/** `*` for any host. */
const Host = Type.String({ minLength: 1, maxLength: 255 });
/** `*` for every name. */
const ResourceName = Type.String({ minLength: 1, maxLength: 1000 });

/** One ACL binding: who (principal, host) may or may not do what (operation) on which resource(s). */
export const AclBinding = Type.Object(
  {
    principal: Principal,
    host: Type.Optional(Host),
    resourceType: AclResourceType,
    resourceName: ResourceName,
    patternType: Type.Optional(AclPatternType),
    operation: AclOperation,
    permissionType: Type.Optional(AclPermissionType),
  },
  { additionalProperties: false },
);
export type AclBindingInput = Static<typeof AclBinding>;

/** A binding as Kafka keeps it (every field filled: host `*`, LITERAL, ALLOW by default). */
export const Acl = Type.Object({
  principal: Type.String(),
  host: Type.String(),
  resourceType: AclResourceType,
  resourceName: Type.String(),
  patternType: AclPatternType,
  operation: AclOperation,
  permissionType: AclPermissionType,
});
export type Acl = Static<typeof Acl>;

export const AclList = Type.Object({ acls: Type.Array(Acl) });
export type AclList = Static<typeof AclList>;

/** POST .../acls: one binding or a list of them. */
export const AclCreate = Type.Union([AclBinding, Type.Array(AclBinding, { minItems: 1, maxItems: 1000 })]);
export type AclCreate = Static<typeof AclCreate>;

/** GET .../acls: every field optional (absent = any). */
export const AclQuery = Type.Object(
  {
    principal: Type.Optional(Principal),
    host: Type.Optional(Host),
    resourceType: Type.Optional(AclResourceType),
    resourceName: Type.Optional(ResourceName),
    patternType: Type.Optional(AclFilterPatternType),
    operation: Type.Optional(AclOperation),
    permissionType: Type.Optional(AclPermissionType),
  },
  { additionalProperties: false },
);
export type AclQuery = Static<typeof AclQuery>;

/** DELETE .../acls: a filter (at least a principal, resource type or resource name) and a dry run. */
export const AclDeleteQuery = Type.Object(
  {
    ...AclQuery.properties,
    /** true (the default): only list what would be deleted. */
    dryRun: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type AclDeleteQuery = Static<typeof AclDeleteQuery>;

/** What a DELETE deleted, or (dryRun) would delete; what a wizard created, or (dryRun) would create. */
export const AclChange = Type.Object({ dryRun: Type.Boolean(), acls: Type.Array(Acl) });
export type AclChange = Static<typeof AclChange>;

const WizardBase = {
  principal: Principal,
  host: Type.Optional(Host),
  /** true: answer the exact bindings without creating them (the preview). */
  dryRun: Type.Optional(Type.Boolean({ default: false })),
};

/** A consumer: READ on the topic(s) and on the consumer group(s). */
export const ConsumerAclWizard = Type.Object(
  {
    ...WizardBase,
    topic: ResourceName,
    topicPatternType: Type.Optional(AclPatternType),
    group: ResourceName,
    groupPatternType: Type.Optional(AclPatternType),
  },
  { additionalProperties: false },
);
export type ConsumerAclWizard = Static<typeof ConsumerAclWizard>;

/** A producer: WRITE and DESCRIBE on the topic(s); a transactional id; IDEMPOTENT_WRITE on the cluster. */
export const ProducerAclWizard = Type.Object(
  {
    ...WizardBase,
    topic: ResourceName,
    topicPatternType: Type.Optional(AclPatternType),
    transactionalId: Type.Optional(ResourceName),
    transactionalIdPatternType: Type.Optional(AclPatternType),
    idempotent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProducerAclWizard = Static<typeof ProducerAclWizard>;

/**
 * A Kafka Streams application: READ its input topics, WRITE its output topics, ALL on its internal topics
 * and transactional ids (prefixed by the application id), READ its group (the application id).
 */
export const StreamsAclWizard = Type.Object(
  {
    ...WizardBase,
    applicationId: Type.String({ minLength: 1, maxLength: 249 }),
    inputTopics: Type.Array(ResourceName, { minItems: 1, maxItems: 100 }),
    outputTopics: Type.Optional(Type.Array(ResourceName, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type StreamsAclWizard = Static<typeof StreamsAclWizard>;
