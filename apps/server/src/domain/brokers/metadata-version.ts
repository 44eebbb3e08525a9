// Kafka's MetadataVersion feature levels (server-common MetadataVersion.java): level → "release-IVn".
const RELEASES: [release: string, subVersions: number][] = [
  ['3.0', 1], // level 1 is 3.0-IV1 (IV0 predates the feature)
  ['3.1', 1],
  ['3.2', 1],
  ['3.3', 4],
  ['3.4', 1],
  ['3.5', 3],
  ['3.6', 3],
  ['3.7', 5],
  ['3.8', 1],
  ['3.9', 1],
  ['4.0', 4],
  ['4.1', 2],
  ['4.2', 2],
  ['4.3', 1],
  ['4.4', 3],
  ['4.5', 1],
];

const NAMES: string[] = RELEASES.flatMap(([release, count]) =>
  Array.from({ length: count }, (_, i) => `${release}-IV${release === '3.0' ? i + 1 : i}`),
);

/** `metadata.version` as `kafka-features describe` names it, e.g. level 30 → "4.3-IV0". */
export function metadataVersionName(level: number): string {
  return NAMES[level - 1] ?? `metadata.version level ${level}`;
}
