import { Pending } from '../components/Pending.tsx';

export function ClusterOverviewPage() {
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Cluster overview</h1>
      <Pending what="This page" issue={3} />
    </section>
  );
}
