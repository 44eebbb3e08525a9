// Builds the local Schema Registry (Apicurio Registry 3.0.9, see maven/schema-registry/pom.xml) once into
// the cache. Where Maven reaches all of Maven Central the Quarkus build needs nothing else; where the
// Maven repository lacks Apicurio's parent POM and four small modules, they are installed into the local
// Maven repository from a source subset (TRIBUTARY_APICURIO_SRC, by default
// `<repo>/../shared/schema-registry/apicurio-src`).
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec.ts';
import { LocalKafkaError } from './errors.ts';
import { cacheRoot } from './jars.ts';
import { checkJava, checkMaven } from './prerequisites.ts';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_PROJECT = join(PACKAGE_DIR, 'maven', 'schema-registry');
export const APICURIO_VERSION = '3.0.9';
const QUARKUS_BUILD_OPTIONS = [
  '-DskipTests',
  '-Dquarkus.package.jar.type=fast-jar',
  '-Dquarkus.datasource.mysql.db-kind=h2',
  '-Dquarkus.datasource.postgresql.db-kind=h2',
  '-Dquarkus.datasource.mssql.db-kind=h2',
];
/** The modules some Maven repositories do not serve, built from the source subset in this order. */
const SOURCE_MODULES = [
  'config-index/definitions',
  'config-index/deployment',
  'utils/kafka',
  'utils/protobuf-schema-utilities',
];

export interface SchemaRegistryBuild {
  /** The runnable `quarkus-run.jar`. */
  jar: string;
  version: string;
}

/** Where the built registry lives (outside the work tree, shared by every clone). */
export function schemaRegistryDir(): string {
  return join(cacheRoot(), 'schema-registry', `apicurio-${APICURIO_VERSION}`);
}

/** The source subset for the modules a Maven repository may lack: the environment wins over the default. */
export function apicurioSourceDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.TRIBUTARY_APICURIO_SRC ??
    resolve(PACKAGE_DIR, '..', '..', '..', 'shared', 'schema-registry', 'apicurio-src')
  );
}

/** True when the registry is built (the `.complete` marker guards against a half-finished copy). */
export function schemaRegistryBuilt(): boolean {
  return existsSync(join(schemaRegistryDir(), '.complete'));
}

/**
 * The runnable registry: built with Maven on first use (minutes, hundreds of MB of downloads on an empty
 * Maven repository; about a minute on a warm one), then answered from the cache at once.
 */
export async function resolveSchemaRegistry(
  log: (line: string) => void = () => {},
): Promise<SchemaRegistryBuild> {
  const out = schemaRegistryDir();
  const jar = join(out, 'quarkus-app', 'quarkus-run.jar');
  if (schemaRegistryBuilt()) return { jar, version: APICURIO_VERSION };
  await checkJava();
  await checkMaven();
  log(`Building Apicurio Registry ${APICURIO_VERSION} with Maven (once; cached in ${out}) ...`);
  const work = mkdtempSync(join(tmpdir(), 'tributary-schema-registry-build-'));
  try {
    const mvn = await mavenCommand(work);
    if (!(await servesApicurioModules(mvn, work))) await installFromSource(mvn, work, log);
    const app = join(work, 'app');
    copyWritable(BUILD_PROJECT, app);
    await run(mvn, ['-f', join(app, 'pom.xml'), 'package', ...QUARKUS_BUILD_OPTIONS], work, 'the registry');
    const staging = `${out}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    cpSync(join(app, 'target', 'quarkus-app'), join(staging, 'quarkus-app'), { recursive: true });
    writeFileSync(join(staging, '.complete'), new Date().toISOString());
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
    log(`Apicurio Registry ${APICURIO_VERSION} is built: ${jar}`);
    return { jar, version: APICURIO_VERSION };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Maven with every repository that Apicurio's POMs declare sent to Maven Central (the others may be
 * unreachable); Central's address is read from Maven's own super POM rather than written down.
 */
async function mavenCommand(work: string): Promise<string[]> {
  const probe = join(work, 'probe');
  mkdirSync(probe);
  writeFileSync(
    join(probe, 'pom.xml'),
    '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>x</artifactId><version>1</version></project>',
  );
  const result = await exec(
    'mvn',
    ['-B', '-q', 'help:evaluate', '-Dexpression=project.repositories', '-DforceStdout'],
    { cwd: probe },
  );
  const central = /<url>([^<]+)/.exec(result.stdout)?.[1];
  if (!central)
    throw new LocalKafkaError(
      `Maven did not tell the address of Maven Central:\n${(result.stdout + result.stderr).slice(-1500)}`,
    );
  const settings = join(work, 'settings.xml');
  writeFileSync(
    settings,
    `<settings><mirrors><mirror><id>central-only</id><mirrorOf>*</mirrorOf><url>${central}</url></mirror></mirrors></settings>`,
  );
  return ['-B', '-q', '-T', '1', '-s', settings];
}

async function servesApicurioModules(mvn: string[], work: string): Promise<boolean> {
  const result = await exec(
    'mvn',
    [...mvn, 'dependency:get', `-Dartifact=io.apicurio:apicurio-registry-utils-kafka:${APICURIO_VERSION}`],
    { cwd: join(work, 'probe') },
  );
  return result.code === 0;
}

/** Installs Apicurio's parent POM and the modules the Maven repository lacks from the source subset. */
async function installFromSource(mvn: string[], work: string, log: (line: string) => void): Promise<void> {
  const source = apicurioSourceDir();
  if (!existsSync(join(source, 'pom.xml')))
    throw new LocalKafkaError(
      `The Maven repository does not serve Apicurio Registry ${APICURIO_VERSION}'s parent POM and modules, and ${source} holds no source to build them from. Set TRIBUTARY_APICURIO_SRC to a folder with that source subset (pom.xml, config-index/, utils/).`,
    );
  log(`The Maven repository lacks some Apicurio modules: building them from ${source} ...`);
  const src = join(work, 'src');
  copyWritable(source, src);
  const pom = join(src, 'pom.xml');
  await run(
    mvn,
    ['install:install-file', `-Dfile=${pom}`, `-DpomFile=${pom}`, '-Dpackaging=pom'],
    join(work, 'probe'),
    "Apicurio's parent POM",
  );
  for (const module of SOURCE_MODULES)
    await run(mvn, ['-f', join(src, module, 'pom.xml'), 'install', '-DskipTests'], work, module);
}

async function run(mvn: string[], args: string[], cwd: string, what: string): Promise<void> {
  const result = await exec('mvn', [...mvn, ...args], { cwd });
  if (result.code !== 0)
    throw new LocalKafkaError(
      `Maven could not build ${what}:\n${(result.stdout + result.stderr).trim().slice(-2500)}`,
    );
}

/** A copy Maven can write `target/` into, even when the original is read-only (a shared folder). */
function copyWritable(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const walk = (path: string): void => {
    const stat = statSync(path);
    chmodSync(path, stat.mode | 0o200);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(to);
}
