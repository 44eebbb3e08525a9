import { Pending } from '../../components/Pending.tsx';

export function OverviewTab({ cluster, topic }: { cluster: string; topic: string }) {
  return <Pending what={`This tab of ${topic} on ${cluster}`} issue={3} />;
}
