import { Pending } from '../../components/Pending.tsx';

export function LiveTab({ cluster, topic }: { cluster: string; topic: string }) {
  return <Pending what={`This tab of ${topic} on ${cluster}`} issue={5} />;
}
