// Real clients for the authorizing cluster's SASL listener: kcat (librdkafka) and kafka-python-ng, each
// logging in as a SCRAM user, so Kafka's own authorizer, not Tributary, says yes or no.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { python } from './consumer-groups-fixtures.ts';

export interface Login {
  username: string;
  password: string;
  mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
}

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export function run(
  command: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
      env: { ...process.env, ...options.env },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * kcat on librdkafka 2.6.1 or newer. Debian's kcat links librdkafka 2.0.2, whose SCRAM client-final
 * message repeats the client nonce: Kafka 4 checks it strictly (RFC 5802) and refuses every SCRAM login
 * (librdkafka #4895, fixed in 2.6.1). The Python venv's confluent-kafka wheel bundles a current librdkafka
 * with the same C API; preloading it gives kcat a SCRAM that works, the rest of kcat unchanged.
 */
function modernLibrdkafka(): string {
  const site = join(dirname(dirname(python)), 'lib');
  for (const version of existsSync(site) ? readdirSync(site) : []) {
    const libs = join(site, version, 'site-packages', 'confluent_kafka.libs');
    const lib = existsSync(libs) ? readdirSync(libs).find((f) => f.startsWith('librdkafka')) : undefined;
    if (lib) return join(libs, lib);
  }
  throw new Error(
    `No librdkafka >= 2.6.1 for kcat's SCRAM: confluent-kafka is not installed beside ${python}`,
  );
}

export function kcat(
  servers: string[],
  login: Login | undefined,
  args: string[],
  input?: string,
): Promise<Run> {
  const sasl = login
    ? [
        '-X',
        'security.protocol=SASL_PLAINTEXT',
        '-X',
        `sasl.mechanisms=${login.mechanism}`,
        '-X',
        `sasl.username=${login.username}`,
        '-X',
        `sasl.password=${login.password}`,
      ]
    : [];
  return run('kcat', ['-b', servers.join(','), ...sasl, ...args], {
    ...(input !== undefined ? { input } : {}),
    env: login ? { LD_PRELOAD: modernLibrdkafka() } : {},
  });
}

/**
 * kafka-python-ng: one producer sends `values` to `topic` and flushes; prints OK or the error's name.
 * kafka-python-ng 2.2.3 parses a topic's TOPIC_AUTHORIZATION_FAILED from Metadata into a failed metadata
 * update, then waits out max_block_ms instead of raising it: that failed update is recorded as the refusal.
 */
export async function pythonProduce(servers: string[], login: Login, topic: string, values: string[]) {
  const script = `
import sys, json
from kafka import KafkaProducer
from kafka.cluster import ClusterMetadata
from kafka.errors import KafkaError, TopicAuthorizationFailedError
refused = []
failed_update = ClusterMetadata.failed_update
def recorded(self, exception):
    if isinstance(exception, TopicAuthorizationFailedError):
        refused.append(exception)
    return failed_update(self, exception)
ClusterMetadata.failed_update = recorded
try:
    p = KafkaProducer(bootstrap_servers=sys.argv[1].split(','), security_protocol='SASL_PLAINTEXT',
                      sasl_mechanism=sys.argv[2], sasl_plain_username=sys.argv[3], sasl_plain_password=sys.argv[4],
                      max_block_ms=5000, request_timeout_ms=8000, retries=0)
    for v in json.loads(sys.argv[6]):
        p.send(sys.argv[5], v.encode()).get(timeout=10)
    p.close(timeout=5)
    print('OK')
except KafkaError as e:
    print('TopicAuthorizationFailedError' if refused else type(e).__name__, e)
`;
  const r = await run(python, [
    '-c',
    script,
    servers.join(','),
    login.mechanism,
    login.username,
    login.password,
    topic,
    JSON.stringify(values),
  ]);
  if (r.code !== 0) throw new Error(`kafka-python-ng failed: ${r.err}`);
  return r.out.trim();
}
