// Lag samples on disk: one small append-only JSON-lines file per (cluster, group). Chosen over SQLite because
// better-sqlite3 must compile from source here, and the access pattern is trivial: append one line per
// interval, read the newest hour. Bounded: when a file holds twice `maxSamples` lines it is rewritten with the
// newest `maxSamples` (temp file + rename, so a crash leaves the old or the new file, never half of one). A
// torn last line (crash mid-append) is skipped on load. Files nobody wrote to for the retention period are
// removed by prune(), so the directory does not grow with every group ever watched.
import { appendFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export interface LagSample {
  /** ms since the epoch */
  t: number;
  /** topic → summed lag of the group's committed partitions */
  lags: Record<string, number>;
}

interface Entry {
  samples: LagSample[];
  linesOnDisk: number;
  /** The file ends in a torn line: the next append starts a new line first. */
  torn?: boolean;
  loading?: Promise<void>;
}

export class LagHistoryStore {
  private readonly entries = new Map<string, Entry>();
  private dirReady: Promise<unknown> | undefined;

  constructor(
    readonly dir: string,
    readonly maxSamples: number,
  ) {}

  private fileOf(cluster: string, group: string): string {
    const hash = createHash('sha1').update(`${cluster}\u0000${group}`).digest('hex').slice(0, 32);
    return join(this.dir, `${hash}.jsonl`);
  }

  private async entry(cluster: string, group: string): Promise<Entry> {
    const key = `${cluster}\u0000${group}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const created: Entry = { samples: [], linesOnDisk: 0 };
      created.loading = this.load(cluster, group, created);
      this.entries.set(key, created);
      entry = created;
    }
    await entry.loading;
    return entry;
  }

  private async load(cluster: string, group: string, entry: Entry): Promise<void> {
    let text = '';
    try {
      text = await readFile(this.fileOf(cluster, group), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n').filter(Boolean);
    entry.linesOnDisk = lines.length;
    entry.torn = text.length > 0 && !text.endsWith('\n');
    for (const line of lines.slice(-this.maxSamples)) {
      try {
        const sample = JSON.parse(line) as LagSample;
        if (typeof sample.t === 'number' && sample.lags && typeof sample.lags === 'object')
          entry.samples.push(sample);
      } catch {
        // a line torn by a crash: skip it
      }
    }
  }

  async append(cluster: string, group: string, sample: LagSample): Promise<void> {
    const entry = await this.entry(cluster, group);
    entry.samples.push(sample);
    if (entry.samples.length > this.maxSamples)
      entry.samples.splice(0, entry.samples.length - this.maxSamples);
    this.dirReady ??= mkdir(this.dir, { recursive: true });
    await this.dirReady;
    const file = this.fileOf(cluster, group);
    if (entry.linesOnDisk + 1 >= 2 * this.maxSamples) {
      await writeFile(`${file}.tmp`, entry.samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
      await rename(`${file}.tmp`, file);
      entry.linesOnDisk = entry.samples.length;
    } else {
      await appendFile(file, (entry.torn ? '\n' : '') + JSON.stringify(sample) + '\n');
      entry.torn = false;
      entry.linesOnDisk += 1;
    }
  }

  /** Samples newer than `since`, oldest first. */
  async since(cluster: string, group: string, since: number): Promise<LagSample[]> {
    const entry = await this.entry(cluster, group);
    return entry.samples.filter((s) => s.t >= since);
  }

  /** Removes the files (and leftover temp files) last written more than `maxAgeMs` ago; answers how many. */
  async prune(maxAgeMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      if (!/^[0-9a-f]{32}\.jsonl(\.tmp)?$/.test(name)) continue; // only files this store wrote
      const file = join(this.dir, name);
      const { mtimeMs } = await stat(file);
      if (now - mtimeMs <= maxAgeMs) continue;
      await unlink(file).catch(() => undefined); // already gone: fine
      removed += 1;
    }
    return removed;
  }

  /** Forget cached samples of groups no longer watched (the files stay until prune()). */
  evict(cluster: string, group: string): void {
    this.entries.delete(`${cluster}\u0000${group}`);
  }
}
