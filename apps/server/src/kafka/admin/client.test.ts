import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterConnection } from '../cluster-connection.ts';
import { gapAdmin } from './client.ts';
import { runGap } from './errors.ts';

// A "broker" whose kernel accepts connections but that never answers: what a SIGSTOPped broker looks like.
const sockets = new Set<Socket>();
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => {});
});
let connection: ClusterConnection;

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as AddressInfo;
  connection = new ClusterConnection(
    { name: 'silent', bootstrapServers: [`127.0.0.1:${port}`] },
    { requestTimeoutMs: 200 },
  );
});
afterAll(async () => {
  await connection.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('the gap admin', () => {
  it('is dropped after a call that Kafka does not answer, and the next call gets a new one', async () => {
    const first = gapAdmin(connection);
    expect(gapAdmin(connection)).toBe(first); // shared while it works
    await expect(
      runGap(connection, 'reading metadata', (admin) => admin.metadata({ topics: [] })),
    ).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    const second = gapAdmin(connection);
    expect(second).not.toBe(first);
    await expect.poll(() => first.closed).toBe(true); // its last call has ended
    expect(second.closed).toBe(false);
  });

  it('is kept after an error that is not the network', async () => {
    const admin = gapAdmin(connection);
    await expect(
      runGap(connection, 'refusing', () => Promise.reject(new Error('a bug, not an outage'))),
    ).rejects.toThrow();
    expect(gapAdmin(connection)).toBe(admin);
  });
});
