// What the CLI does with a line typed while the cluster runs: fault drills on one broker, by hand.
import type { LocalKafka } from './local-kafka.ts';

export const CONTROL_HELP =
  'Commands: stop <id> (clean shutdown), start <id>, kill <id> (SIGKILL), pause <id> (SIGSTOP), ' +
  'resume <id> (SIGCONT), status. Ctrl-C stops everything.';

/** Runs one command line against the cluster and answers with a sentence (never throws). */
export async function control(kafka: LocalKafka, line: string): Promise<string> {
  const [command = '', arg, ...rest] = line.trim().split(/\s+/);
  if (command === '') return '';
  if (command === 'status') return status(kafka);
  if (command === 'help') return CONTROL_HELP;
  const id = Number(arg);
  const known = ['stop', 'start', 'kill', 'pause', 'resume'];
  if (!known.includes(command) || rest.length > 0 || !Number.isInteger(id))
    return `Not understood: "${line.trim()}". ${CONTROL_HELP}`;
  if (!kafka.nodeIds.includes(id))
    return `There is no broker ${id}; the brokers are ${kafka.nodeIds.join(', ')}.`;
  const running = kafka.brokerPid(id) !== undefined;
  try {
    switch (command) {
      case 'stop':
        if (!running) return `Broker ${id} is not running.`;
        await kafka.stopBroker(id);
        return `Broker ${id} stopped; its data is kept ("start ${id}" brings it back).`;
      case 'start':
        if (running) return `Broker ${id} is already running (pid ${kafka.brokerPid(id)}).`;
        await kafka.startBroker(id);
        return `Broker ${id} is running again at ${kafka.brokerAddress(id)}.`;
      case 'kill':
        if (!running) return `Broker ${id} is not running.`;
        await kafka.killBroker(id);
        return `Broker ${id} killed (SIGKILL); the controller fences it once its session times out.`;
      default: {
        if (!running) return `Broker ${id} is not running.`;
        kafka.signalBroker(id, command === 'pause' ? 'SIGSTOP' : 'SIGCONT');
        return command === 'pause'
          ? `Broker ${id} paused (SIGSTOP): connections stay open and nothing answers ("resume ${id}").`
          : `Broker ${id} resumed (SIGCONT).`;
      }
    }
  } catch (error) {
    return `${command} ${id} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function status(kafka: LocalKafka): string {
  return kafka.nodeIds
    .map((id) => {
      const pid = kafka.brokerPid(id);
      return `broker ${id} ${kafka.brokerAddress(id)} ${pid === undefined ? 'stopped' : `running (pid ${pid})`}`;
    })
    .join('\n');
}
