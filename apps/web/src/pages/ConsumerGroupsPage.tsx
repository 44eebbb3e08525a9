import { Pending } from '../components/Pending.tsx';

export function ConsumerGroupsPage() {
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Consumer groups</h1>
      <Pending what="This page" issue={6} />
    </section>
  );
}
