// The WebSocket client the benches use: `ws`, the server's dev dependency (Node 20 has no client of its own).
import { createRequire } from 'node:module';

export interface WsClient {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close' | 'error', listener: () => void): void;
  once(event: 'open', listener: () => void): void;
  send(text: string): void;
  close(): void;
}

export const { WebSocket } = createRequire(new URL('../apps/server/package.json', import.meta.url))('ws') as {
  WebSocket: new (url: string) => WsClient;
};
