import { AclsOn } from '../../components/security/AclsOn.tsx';

/** The ACLs that apply to this topic: its own, `*`, and prefixes it starts with. */
export function AclsTab({ cluster, topic }: { cluster: string; topic: string }) {
  return <AclsOn cluster={cluster} resourceType="TOPIC" resourceName={topic} />;
}
