// Low-level calls through @platformatic/kafka: the version of each API is negotiated with the broker
// (kGetApi picks the highest both sides speak), connections come from the admin's pool.
import {
  kGetApi,
  kGetBootstrapConnection,
  kGetConnection,
  type Admin,
  type Connection,
} from '@platformatic/kafka';

export function bootstrapConnection(admin: Admin): Promise<Connection> {
  return new Promise((resolve, reject) =>
    admin[kGetBootstrapConnection]((error, c) =>
      error || !c ? reject(error ?? new Error('no connection')) : resolve(c),
    ),
  );
}

export function brokerConnection(admin: Admin, broker: { host: string; port: number }): Promise<Connection> {
  return new Promise((resolve, reject) =>
    admin[kGetConnection](broker, (error, c) =>
      error || !c ? reject(error ?? new Error('no connection')) : resolve(c),
    ),
  );
}

type Callback<T> = (error: Error | null, response?: T) => void;
type CallbackApi = (connection: Connection, ...args: unknown[]) => void;

/**
 * Calls API `name` (e.g. "ListOffsets") on one connection. Per-item errors inside a response arrive as a
 * ResponseError that still carries the whole parsed `response`; `keepPartial` returns it instead.
 */
export function callApi<T>(
  admin: Admin,
  name: string,
  connection: Connection,
  args: unknown[],
  keepPartial = false,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    admin[kGetApi]<unknown[], T>(name, (error, api) => {
      if (error || !api) return reject(error ?? new Error(`no API ${name}`));
      const done: Callback<T> = (e, response) => {
        const partial = (e as { response?: T } | null)?.response;
        if (e && keepPartial && partial !== undefined) return resolve(partial);
        if (e) return reject(e);
        resolve(response as T);
      };
      (api as unknown as CallbackApi)(connection, ...args, done);
    });
  });
}
