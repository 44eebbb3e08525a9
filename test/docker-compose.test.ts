import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// No Docker engine runs here, but the compose CLI can still parse and validate the file.
function composeConfig(): { status: number | null; output: string } {
  const hasPlugin = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
  const [command, args] = hasPlugin
    ? ['docker', ['compose', 'config', '-q']]
    : ['docker-compose', ['config', '-q']];
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(
      'Neither `docker compose` nor `docker-compose` is installed (npm test installs docker-compose).',
    );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('docker-compose.yml', () => {
  it('is accepted by `docker compose config -q`', () => {
    const { status, output } = composeConfig();
    expect(output).not.toMatch(/error|invalid/i);
    expect(status).toBe(0);
    // docker-compose is a Python program: its start alone can take seconds on a loaded runner.
  }, 30_000);

  it('runs the official apache/kafka image at the version the launcher pins, and wires Tributary to it', () => {
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const pinned = /<kafka\.version>([^<]+)</.exec(
      readFileSync('packages/local-kafka/maven/pom.xml', 'utf8'),
    )?.[1];
    expect(compose).toContain(`image: apache/kafka:${pinned}`);
    expect(compose).toMatch(/KAFKA_BROKERS: kafka:9092/);
  });
});
