import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Below this, the kernel never hands a port to an outgoing connection (read from Linux when it can be). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 2048 ? low : 32768;
  } catch {
    return 32768;
  }
}

const LOW = 10_000;
const HIGH = ephemeralLow();

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port, closed again at once so the broker can bind it seconds later. Taken below the
 * ephemeral range: a port the OS picks (`listen(0)`) is one any outgoing connection may take as its local
 * port before the broker binds it ("Address already in use", seen with many clients on a busy machine).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await canBind(port)) return port;
  }
  throw new Error(`No free port found between ${LOW} and ${HIGH}.`);
}
