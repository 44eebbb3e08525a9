#!/usr/bin/env -S npx tsx
// `pnpm --filter @tributary/local-kafka kafka [--brokers 3] [--sasl] [--tls] [--acl]`: a local Kafka for manual work, until Ctrl-C.
// While it runs, lines on stdin stop, start, kill, pause and resume single brokers (see CONTROL_HELP).
import { createInterface } from 'node:readline';
import { startKafka } from './local-kafka.ts';
import { CONTROL_HELP, control } from './control.ts';

const args = process.argv.slice(2);
const brokersAt = args.indexOf('--brokers');
const kafka = await startKafka({
  brokers: brokersAt >= 0 ? Number(args[brokersAt + 1]) : 1,
  sasl: args.includes('--sasl'),
  tls: args.includes('--tls'),
  // An authorizing cluster: SASL listener governed by ACLs, super user `admin` (see SUPER_USER).
  authorizer: args.includes('--acl'),
  log: (line) => console.log(line),
});
console.log(`Kafka is ready: ${kafka.bootstrapServers.join(',')}`);
if (kafka.saslBootstrapServers.length) console.log(`SASL listener: ${kafka.saslBootstrapServers.join(',')}`);
if (kafka.superUser)
  console.log(
    `Authorizer on: the SASL listener needs ACLs; super user ${kafka.superUser.username} ` +
      `(password ${kafka.superUser.password}; PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)`,
  );
if (kafka.tls)
  console.log(
    `TLS listener (client certificate required): ${kafka.tlsBootstrapServers.join(',')}; ` +
      `caFile ${kafka.tls.files.ca}, certFile ${kafka.tls.files.cert}, keyFile ${kafka.tls.files.key}`,
  );
console.log(CONTROL_HELP);
const stop = () => void kafka.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// One command at a time, in the order typed; the end of stdin (a background run) changes nothing.
let queue = Promise.resolve();
// terminal: false keeps Ctrl-C a signal (readline's raw terminal mode would swallow it).
createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  queue = queue.then(async () => {
    const answer = await control(kafka, line);
    if (answer) console.log(answer);
  });
});
