import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopProcess } from './java-process.ts';

export type LaunchedJvmState = 'starting' | 'running' | 'failed' | 'stopped';

/**
 * The lifecycle the launcher's background JVMs share (the Connect worker, the Schema Registry): a state
 * the server can show while it starts, an idempotent `start()` whose failure is kept as a sentence, and a
 * `stop()` that may come during any await of the start.
 */
export abstract class LaunchedJvm {
  private child?: ChildProcess;
  private exit?: string;
  private stateNow: LaunchedJvmState = 'starting';
  private failure?: string;
  private started?: Promise<void>;
  /** The folder of its config and log; removed at stop. */
  protected workDir?: string;
  /** Milliseconds from the JVM's launch to the first answer of its readiness check. */
  startMs?: number;

  /** The log's file name inside `workDir`. */
  protected abstract readonly logName: string;

  /** Resolves what it needs, launches the JVM (`adopt` it) and waits until it is ready. */
  protected abstract run(): Promise<void>;

  get state(): LaunchedJvmState {
    return this.stateNow;
  }

  /** Why the start failed (with the log's last lines), when `state` is `failed`. */
  get error(): string | undefined {
    return this.failure;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts once; later calls answer the same promise. */
  start(): Promise<void> {
    this.started ??= this.run().then(
      () => {
        if (this.stateNow === 'starting') this.stateNow = 'running';
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        if (this.stateNow === 'starting') this.stateNow = 'failed';
        throw error;
      },
    );
    return this.started;
  }

  logTail(lines = 40): string {
    if (!this.workDir) return '';
    try {
      return readFileSync(join(this.workDir, this.logName), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** SIGTERM, SIGKILL after 15 s; removes its files. */
  async stop(): Promise<void> {
    if (this.isStopped()) return;
    this.stateNow = 'stopped';
    if (this.child) await stopProcess(this.child);
    this.child = undefined;
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  // A method, not a field check: stop() may run during any await of run().
  protected isStopped(): boolean {
    return this.stateNow === 'stopped';
  }

  /** Keeps the launched JVM, and how it exited, for `exited()` and `stop()`. */
  protected adopt(child: ChildProcess): void {
    this.child = child;
    child.on('exit', (code, signal) => {
      if (this.child === child) this.exit = `code ${code ?? signal}`;
    });
  }

  /** `code 1` (or the signal) once the JVM has exited on its own. */
  protected exited(): string | undefined {
    return this.exit;
  }
}
