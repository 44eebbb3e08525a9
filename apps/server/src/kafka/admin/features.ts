// Why: no client exposes ApiVersions' tagged FinalizedFeatures (KIP-584); `metadata.version` there is the
// closest thing to "the cluster's Kafka version" the protocol offers (what `kafka-features describe` shows).
import {
  createAPI,
  kGetBootstrapConnection,
  Writer,
  type Connection,
  type Reader,
} from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';

export interface FinalizedFeature {
  name: string;
  level: number;
}

const FINALIZED_FEATURES_TAG = 2;

function parseResponse(_c: number, _k: number, _v: number, reader: Reader): FinalizedFeature[] {
  const errorCode = reader.readInt16();
  reader.readArray((r) => [r.readInt16(), r.readInt16(), r.readInt16()]);
  reader.readInt32(); // throttle_time_ms
  let features: FinalizedFeature[] = [];
  const tags = reader.readUnsignedVarInt();
  for (let i = 0; i < tags; i++) {
    const tag = reader.readUnsignedVarInt();
    const size = reader.readUnsignedVarInt();
    if (tag !== FINALIZED_FEATURES_TAG) {
      reader.skip(size);
      continue;
    }
    features = reader.readArray((r) => {
      const name = r.readString();
      const level = r.readInt16(); // max_version_level; min_version_level follows
      r.readInt16();
      return { name, level };
    });
  }
  if (errorCode !== 0) throw new Error(`ApiVersions answered with error code ${errorCode}`);
  return features;
}

// ApiVersions v3 (same layout as v4); its response header is v0 even for this flexible version.
const apiVersionsV3 = createAPI<[string, string], FinalizedFeature[]>(
  18,
  3,
  (name: string, version: string) =>
    Writer.create().appendString(name).appendString(version).appendTaggedFields(),
  parseResponse,
  true,
  false,
);

export async function finalizedFeatures(connection: ClusterConnection): Promise<FinalizedFeature[]> {
  return runGap(connection, 'reading the finalized features', async (admin) => {
    const c = await new Promise<Connection>((resolve, reject) =>
      admin[kGetBootstrapConnection]((error, conn) =>
        error || !conn ? reject(error ?? new Error('no connection')) : resolve(conn),
      ),
    );
    return apiVersionsV3.async(c, 'tributary', '0');
  });
}
