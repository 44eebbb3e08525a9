import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const JVM_FLAGS = ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];

// `setpriv --pdeathsig` makes the kernel stop the JVM when this Node process dies, even by SIGKILL:
// no stray Java is left behind whatever happens to us.
const HAS_SETPRIV = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

interface CommonJavaOptions {
  args: string[];
  heap?: string;
  logFile: string;
  extraJvmFlags?: string[];
}

/** A main class on a classpath (Kafka, Connect), or an executable jar (the Schema Registry). */
export type JavaProcessOptions = CommonJavaOptions &
  ({ classpath: string; mainClass: string; log4jConfig: string } | { jar: string });

/** Starts a JVM whose stdout and stderr go to `logFile`. */
export function spawnJava(options: JavaProcessOptions): ChildProcess {
  const heap = options.heap ?? '512m';
  const javaArgs = [
    `-Xms128m`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...(options.extraJvmFlags ?? []),
    ...('jar' in options
      ? ['-jar', options.jar]
      : [`-Dlog4j2.configurationFile=${options.log4jConfig}`, '-cp', options.classpath, options.mainClass]),
    ...options.args,
  ];
  const [command, args] = HAS_SETPRIV
    ? ['setpriv', ['--pdeathsig', 'TERM', '--', 'java', ...javaArgs]]
    : ['java', javaArgs];
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.on('close', () => log.end());
  return child;
}

/** SIGTERM (Kafka's shutdown hook stops cleanly), then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a JVM stalled by a fault test (SIGSTOP) would sit on the SIGTERM until the SIGKILL
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
