import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { APICURIO_VERSION, schemaRegistryBuilt, startSchemaRegistry } from '../src/index.ts';
import { sharedSchemaRegistry, uniqueName } from '../src/testing/index.ts';

const JSON_TYPE = { 'content-type': 'application/vnd.schemaregistry.v1+json' };

function isRunning(pid: number): boolean {
  return execFileSync('ps', ['-eo', 'pid'], { encoding: 'utf8' })
    .split('\n')
    .some((line) => line.trim() === String(pid));
}

describe('the shared Schema Registry', () => {
  it('is built once into the cache and serves the Confluent API: register, read by id, same id again', async () => {
    expect(schemaRegistryBuilt()).toBe(true);
    const url = await sharedSchemaRegistry();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/apis\/ccompat\/v7$/);
    const subject = `${uniqueName('launcher')}-value`;
    const schema = JSON.stringify({
      type: 'record',
      name: 'User',
      fields: [{ name: 'name', type: 'string' }],
    });
    const register = () =>
      fetch(`${url}/subjects/${subject}/versions`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ schema }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: number } }));
    const first = await register();
    expect(first.status).toBe(200);
    const byId = (await (await fetch(`${url}/schemas/ids/${first.body.id}`)).json()) as { schema: string };
    expect(JSON.parse(byId.schema)).toEqual(JSON.parse(schema));
    expect((await register()).body.id).toBe(first.body.id);
    expect(await (await fetch(`${url}/subjects`)).json()).toContain(subject);
  });
});

describe('a Schema Registry of its own', () => {
  it(`starts Apicurio ${APICURIO_VERSION} on a free port and stops leaving no JVM`, async () => {
    const registry = await startSchemaRegistry();
    try {
      expect(registry.state).toBe('running');
      expect(registry.url).not.toBe(await sharedSchemaRegistry());
      expect((await fetch(`${registry.url}/subjects`)).status).toBe(200);
      console.log(`Schema Registry: ready ${registry.startMs} ms after launch`);
    } finally {
      const pid = registry.pid!;
      await registry.stop();
      expect(registry.state).toBe('stopped');
      expect(isRunning(pid)).toBe(false);
    }
  });
});
