import fp from 'fastify-plugin';
import { ScheduleStore } from '../kafka/schedules-store.ts';
import { ScheduleCoordinator } from '../kafka/schedules-runner.ts';
import { systemClock } from '../domain/schedules/runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    schedules: {
      /** The store and the runner of the named cluster (404 for an unknown cluster). */
      of(cluster: string): { store: ScheduleStore; coordinator: ScheduleCoordinator };
    };
  }
}

/** Every cluster's schedules run on this server too (for the partitions the group gives it). */
export const schedulesPlugin = fp(
  async (app) => {
    const byCluster = new Map<string, { store: ScheduleStore; coordinator: ScheduleCoordinator }>();
    for (const connection of app.clusters.list()) {
      const store = new ScheduleStore(connection, app.config.schedules);
      const coordinator = new ScheduleCoordinator(connection, store, {
        clock: systemClock,
        discoverMs: app.config.schedules.discoverMs,
        log: (message, error) => app.log.warn({ err: error, cluster: connection.name }, message),
      });
      byCluster.set(connection.name, { store, coordinator });
    }
    app.decorate('schedules', {
      of: (cluster: string) => {
        app.clusters.get(cluster); // the 404 that lists the clusters
        return byCluster.get(cluster)!;
      },
    });
    app.addHook('onReady', async () => {
      for (const { coordinator } of byCluster.values()) coordinator.start();
    });
    // Before the Kafka connections close (hooks run in reverse order of registration).
    app.addHook('onClose', async () => {
      await Promise.all([...byCluster.values()].map(({ coordinator }) => coordinator.close()));
    });
  },
  { name: 'schedules' },
);
