// kafka-ui's KAFKA_CLUSTERS_<i>_PROPERTIES_SASL_JAAS_CONFIG is a Java JAAS line; only its user and password
// matter to a Node client: `...PlainLoginModule required username="u" password="p";`.
import { ConfigError } from './errors.ts';

const MODULES = /(PlainLoginModule|ScramLoginModule)\s+required/;

export function parseJaas(value: string, source: string): { username: string; password: string } {
  if (!MODULES.test(value))
    throw new ConfigError(
      `${source} must use PlainLoginModule or ScramLoginModule (like: org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";)`,
    );
  const field = (name: string) => {
    const match = new RegExp(`\\b${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s;"]+))`).exec(value);
    if (!match) return undefined;
    return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
  };
  const username = field('username');
  const password = field('password');
  // The password is a secret: never quote the line back.
  if (username === undefined) throw new ConfigError(`${source} has no username="…"`);
  if (password === undefined) throw new ConfigError(`${source} has no password="…"`);
  return { username, password };
}
