// Our patch of @platformatic/kafka (patches/): asked for a connection to a broker missing from its metadata (a
// coordinator that is down, e.g. while listing group offsets), the pool threw inside a callback, which no
// promise could catch: the server process crashed (brokers-soak.int.test.ts, 2 of 3 brokers down).
import { describe, expect, it } from 'vitest';
import { ConnectionPool } from '@platformatic/kafka';

describe('@platformatic/kafka connection pool (patched)', () => {
  it('answers an error for a broker it does not know instead of throwing', async () => {
    const pool = new ConnectionPool('tributary-test');
    const asked = (pool.get as (broker: unknown) => Promise<unknown>)(undefined);
    await expect(asked).rejects.toThrow('not in the cluster metadata');
    await pool.close();
  });
});
