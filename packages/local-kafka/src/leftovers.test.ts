import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markOwner, removeLeftovers } from './leftovers.ts';

describe('leftover data directories', () => {
  it('removes only the directories whose owning process has ended', () => {
    const root = mkdtempSync(join(tmpdir(), 'leftovers-'));
    const dir = (name: string) => {
      const path = join(root, `tributary-kafka-${name}`);
      mkdirSync(join(path, 'node-1', 'data'), { recursive: true });
      writeFileSync(join(path, 'node-1', 'kafka.log'), 'log');
      return path;
    };
    // A process that has certainly ended: started and waited for.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    const crashed = dir('crashed');
    markOwner(crashed, ended);
    const running = dir('running');
    markOwner(running); // this test's own process
    const unmarked = dir('unmarked'); // an older directory, or one being made this instant
    const other = join(root, 'something-else');
    mkdirSync(other);
    writeFileSync(join(other, 'owner.pid'), `${ended}\n`);

    expect(removeLeftovers(root)).toEqual([crashed]);
    expect(existsSync(crashed)).toBe(false);
    for (const kept of [running, unmarked, other]) expect(existsSync(kept)).toBe(true);
  });
});
