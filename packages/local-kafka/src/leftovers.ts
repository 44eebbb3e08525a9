// A local Kafka killed with its Node process (a crash, SIGKILL, a closed terminal) leaves its data directory
// in the temp dir: hundreds of MB each. Each directory names its owner, and the next start removes those
// whose owner is gone. Directories without an owner file (older ones, or one being made right now) stay.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORK_DIR_PREFIX = 'tributary-kafka-';
const OWNER_FILE = 'owner.pid';

/** Records the process that owns a local Kafka's data directory. */
export function markOwner(dir: string, pid = process.pid): void {
  writeFileSync(join(dir, OWNER_FILE), `${pid}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Removes the data directories whose owning process has ended; answers their paths. */
export function removeLeftovers(root = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(WORK_DIR_PREFIX)) continue;
    const dir = join(root, name);
    let pid: number;
    try {
      pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
