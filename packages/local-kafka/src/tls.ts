// Certificates for the TLS listener, made with the JDK's keytool (no other tool for the broker's side): a
// throwaway CA, the broker's keystore signed by it (for 127.0.0.1 and localhost) and a truststore holding the
// CA, so the broker asks for and checks a client certificate (mTLS). The client's key and certificate are
// also answered as PEM, what Node's TLS reads; only the key's export from PKCS#12 needs openssl.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exec } from './exec.ts';
import { LocalKafkaError } from './errors.ts';

export interface TlsFiles {
  keystore: string;
  truststore: string;
  password: string;
}

/** What a client needs, as PEM text. */
export interface TlsClient {
  ca: string;
  cert: string;
  key: string;
  /** The same three as files (for a configuration by hand). */
  files: { ca: string; cert: string; key: string };
}

async function run(command: string, args: string[]): Promise<string> {
  const result = await exec(command, args);
  if (result.code !== 0)
    throw new LocalKafkaError(
      `${command} ${args[0]} failed: ${result.stderr.trim() || result.stdout.trim()}`,
    );
  return result.stdout;
}

export async function makeCertificates(dir: string): Promise<{ files: TlsFiles; client: TlsClient }> {
  const password = randomBytes(12).toString('hex');
  const store = (name: string) => join(dir, `${name}.p12`);
  const common = ['-storetype', 'PKCS12', '-storepass', password, '-keypass', password];
  const keypair = (name: string, cn: string, extra: string[] = []) =>
    run('keytool', [
      '-genkeypair',
      '-alias',
      name,
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '7',
      '-dname',
      `CN=${cn}`,
      '-keystore',
      store(name),
      ...common,
      ...extra,
    ]);
  /** Signs `name`'s key with the CA and puts the chain back in its keystore. */
  const sign = async (name: string, extensions: string[]) => {
    const request = join(dir, `${name}.csr`);
    const signed = join(dir, `${name}.pem`);
    await run('keytool', ['-certreq', '-alias', name, '-keystore', store(name), ...common, '-file', request]);
    await run('keytool', [
      '-gencert',
      '-alias',
      'ca',
      '-keystore',
      store('ca'),
      ...common,
      '-infile',
      request,
      '-outfile',
      signed,
      '-rfc',
      '-validity',
      '7',
      ...extensions.flatMap((e) => ['-ext', e]),
    ]);
    await run('keytool', [
      '-importcert',
      '-noprompt',
      '-alias',
      'ca',
      '-file',
      caPem,
      '-keystore',
      store(name),
      ...common,
    ]);
    await run('keytool', [
      '-importcert',
      '-alias',
      name,
      '-file',
      signed,
      '-keystore',
      store(name),
      ...common,
    ]);
    return readFileSync(signed, 'utf8');
  };

  await keypair('ca', 'Tributary test CA', ['-ext', 'bc:c']);
  const caPem = join(dir, 'ca.pem');
  await run('keytool', [
    '-exportcert',
    '-rfc',
    '-alias',
    'ca',
    '-keystore',
    store('ca'),
    ...common,
    '-file',
    caPem,
  ]);
  await run('keytool', [
    '-importcert',
    '-noprompt',
    '-alias',
    'ca',
    '-file',
    caPem,
    '-keystore',
    store('truststore'),
    ...common,
  ]);
  await keypair('broker', 'localhost');
  await sign('broker', ['SAN=ip:127.0.0.1,dns:localhost']);
  await keypair('client', 'tributary');
  const cert = await sign('client', []);
  const key = await run('openssl', [
    'pkcs12',
    '-in',
    store('client'),
    '-nocerts',
    '-nodes',
    '-passin',
    `pass:${password}`,
  ]);
  const keyPem = join(dir, 'client-key.pem');
  writeFileSync(keyPem, key.slice(key.indexOf('-----BEGIN')), { mode: 0o600 });
  return {
    files: { keystore: store('broker'), truststore: store('truststore'), password },
    client: {
      ca: readFileSync(caPem, 'utf8'),
      cert,
      key: readFileSync(keyPem, 'utf8'),
      files: { ca: caPem, cert: join(dir, 'client.pem'), key: keyPem },
    },
  };
}
