#!/usr/bin/env -S npx tsx
// `pnpm --filter @tributary/local-kafka kafka [--brokers 3] [--sasl]`: a local Kafka for manual work, until Ctrl-C.
import { startKafka } from './local-kafka.ts';

const args = process.argv.slice(2);
const brokersAt = args.indexOf('--brokers');
const kafka = await startKafka({
  brokers: brokersAt >= 0 ? Number(args[brokersAt + 1]) : 1,
  sasl: args.includes('--sasl'),
  log: (line) => console.log(line),
});
console.log(`Kafka is ready: ${kafka.bootstrapServers.join(',')}`);
if (kafka.saslBootstrapServers.length) console.log(`SASL listener: ${kafka.saslBootstrapServers.join(',')}`);
const stop = () => void kafka.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
