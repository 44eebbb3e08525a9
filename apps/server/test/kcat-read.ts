import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** One line per message of one partition, read from the start by kcat (a client no one here wrote), in kcat's `-f` format. */
export async function kcatPartition(
  broker: string,
  topic: string,
  partition: number,
  format: string,
): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    'kcat',
    ['-C', '-b', broker, '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-f', format],
    { timeout: 60_000, maxBuffer: 64 << 20 },
  );
  return stdout.split('\n').filter(Boolean);
}
