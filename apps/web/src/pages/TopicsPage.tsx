import { Pending } from '../components/Pending.tsx';

export function TopicsPage() {
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Topics</h1>
      <Pending what="This page" issue={3} />
    </section>
  );
}
