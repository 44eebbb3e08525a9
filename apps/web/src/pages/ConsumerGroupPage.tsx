import { Pending } from '../components/Pending.tsx';

export function ConsumerGroupPage() {
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Consumer group</h1>
      <Pending what="This page" issue={6} />
    </section>
  );
}
