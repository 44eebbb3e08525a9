#!/usr/bin/env node
// The README's two commands land here (`npm start`, `npm test`). Each first installs what it needs:
// pnpm (pinned in package.json, fetched through npx when not on PATH), the workspace dependencies, the
// web build, and for tests the browser, kcat and the Python client. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const CACHE =
  process.env.TRIBUTARY_CACHE_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tributary');
const say = (line) => console.log(`\x1b[36m[tributary]\x1b[0m ${line}`);

function fail(message) {
  console.error(`\x1b[31m[tributary]\x1b[0m ${message}`);
  process.exit(1);
}

const pnpmOnPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).stdout?.trim() === PNPM_VERSION;
const PNPM = pnpmOnPath ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  return result.status ?? 1;
}
const pnpm = (args, options) => run(PNPM[0], [...PNPM.slice(1), ...args], options);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((f) => f !== 'node_modules' && f !== 'dist')
      .map((f) => newestMtime(join(path, f))),
  );
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node 20.19 or newer is needed; this is ${process.version}.`);
}

function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  if (existsSync(marker) && newestMtime(marker) >= newestMtime(join(ROOT, 'pnpm-lock.yaml'))) return;
  say(`Installing dependencies with pnpm ${PNPM_VERSION} ...`);
  if (pnpm(['install', '--frozen-lockfile']) !== 0) fail('pnpm install failed (see above).');
}

function ensureWebBuild() {
  const web = join(ROOT, 'apps', 'web');
  const built = newestMtime(join(web, 'dist', 'index.html'));
  const sources = Math.max(
    newestMtime(join(web, 'src')),
    newestMtime(join(web, 'index.html')),
    newestMtime(join(web, 'vite.config.ts')),
    newestMtime(join(ROOT, 'packages', 'contract', 'src')),
  );
  if (built >= sources) return;
  say('Building the web app ...');
  if (pnpm(['--filter', '@tributary/web', 'build']) !== 0) fail('The web build failed (see above).');
}

/** The server compiled to one plain ES module (apps/server/build.mjs), rebuilt when a source is newer. */
function ensureServerBuild() {
  const server = join(ROOT, 'apps', 'server');
  const built = newestMtime(join(server, 'dist', 'main.js'));
  const sources = Math.max(
    newestMtime(join(server, 'src')),
    newestMtime(join(server, 'build.mjs')),
    newestMtime(join(ROOT, 'packages', 'contract', 'src')),
    newestMtime(join(ROOT, 'packages', 'local-kafka', 'src')),
    newestMtime(join(ROOT, 'pnpm-lock.yaml')),
  );
  if (built >= sources) return join(server, 'dist', 'main.js');
  say('Building the server ...');
  if (run(process.execPath, [join(server, 'build.mjs')]) !== 0) fail('The server build failed (see above).');
  return join(server, 'dist', 'main.js');
}

/** Chromium (Playwright drives Debian's build), kcat (an interop client) and docker-compose come from Debian. */
function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status !== 0) missing.push('kcat');
  // Only to validate docker-compose.yml: no Docker engine is needed or started.
  const compose =
    spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0 ||
    spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
  if (!compose) missing.push('docker-compose');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    fail(
      `The tests need ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` once, then again.`,
    );
  say(`Installing ${missing.join(', ')} with apt-get ...`);
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', ...missing]) !== 0)
    fail(`apt-get could not install ${missing.join(', ')}.`);
}

/** kafka-python-ng and confluent-kafka, interop clients no one here wrote, in a venv of their own outside the work tree. */
function ensurePython() {
  const venv = join(CACHE, 'python');
  const python = join(venv, 'bin', 'python');
  if (!existsSync(python)) {
    mkdirSync(CACHE, { recursive: true });
    say('Creating the Python venv for the interop tests ...');
    if (run('python3', ['-m', 'venv', venv]) !== 0)
      fail('python3 -m venv failed; install python3 and python3-venv.');
  }
  if (spawnSync(python, ['-c', 'import kafka'], { stdio: 'ignore' }).status !== 0) {
    say('Installing kafka-python-ng ...');
    if (run(python, ['-m', 'pip', 'install', '-q', 'kafka-python-ng==2.2.3']) !== 0)
      fail('pip could not install kafka-python-ng.');
  }
  // Confluent's own client with its Schema Registry serializers (Avro, Protobuf): the wire format's reference.
  const serializers =
    'from confluent_kafka.schema_registry.avro import AvroSerializer; from confluent_kafka.schema_registry.protobuf import ProtobufSerializer';
  if (spawnSync(python, ['-c', serializers], { stdio: 'ignore' }).status !== 0) {
    say('Installing confluent-kafka with its Schema Registry serializers ...');
    if (
      run(python, ['-m', 'pip', 'install', '-q', 'confluent-kafka[avro,protobuf,schemaregistry]==2.16.1']) !==
      0
    )
      fail('pip could not install confluent-kafka.');
  }
  process.env.TRIBUTARY_PYTHON = python;
}

/**
 * Broker and Connect jars are resolved once (Maven, cached), and the Schema Registry is built once (minutes
 * when cold, nothing when built); doing it before the suites keeps their timeouts honest.
 */
function ensureKafkaJars() {
  const code = pnpm([
    'exec',
    'tsx',
    '-e',
    "import('@tributary/local-kafka').then(async m => { await m.resolveKafkaJars(console.log); await m.resolveConnectJars(console.log); await m.resolveSchemaRegistry(console.log); }).catch(e => { console.error(e.message); process.exit(1); })",
  ]);
  if (code !== 0) fail('The Kafka jars or the Schema Registry could not be resolved (see above).');
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function test() {
  ensureSystemPackages();
  ensureDependencies();
  ensurePython();
  ensureKafkaJars();
  ensureWebBuild();
  const steps = [
    ['format check', ['run', 'format:check']],
    ['lint', ['run', 'lint']],
    ['typecheck', ['run', 'typecheck']],
    ['unit and integration tests', ['exec', 'vitest', 'run']],
    ['end-to-end tests', ['exec', 'playwright', 'test']],
    // On a local Kafka with an authorizer (its own server and port; a few specs only).
    ['end-to-end tests (ACLs)', ['exec', 'playwright', 'test', '-c', 'playwright.acls.config.ts']],
  ];
  const failedSteps = [];
  for (const [name, args] of steps) {
    say(`${name} ...`);
    const started = Date.now();
    // The README's test command is the CI run: retries on (each one named at the end), .only forbidden.
    const code = pnpm(args, { env: { ...process.env, CI: process.env.CI || '1' } });
    say(`${name}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (code !== 0) failedSteps.push(name);
  }
  const vitest = readJson(join(ROOT, '.cache', 'vitest.json'));
  const reports = ['playwright.json', 'playwright-acls.json'].map((f) => readJson(join(ROOT, '.cache', f)));
  const stat = (key) => reports.reduce((sum, r) => sum + (r?.stats?.[key] ?? 0), 0);
  const passed = (vitest?.numPassedTests ?? 0) + stat('expected') + stat('flaky');
  const failed = (vitest?.numFailedTests ?? 0) + stat('unexpected');
  const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + stat('skipped');
  // CI shows only the tail of the output: name the failed and the flaky tests again here, last.
  for (const line of testOutcomes(vitest, reports[0])) say(line);
  for (const line of testOutcomes(undefined, reports[1])) say(line);
  if (failedSteps.length) say(`failed steps: ${failedSteps.join(', ')}`);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failedSteps.length || failed || passed === 0 ? 1 : 0);
}

/** One line per failed test and per test that passed only on its retry, from the two JSON reports. */
function testOutcomes(vitest, playwright) {
  const lines = [];
  const firstLine = (text) =>
    String(text ?? '')
      // eslint-disable-next-line no-control-regex -- the reports carry the terminal's colour codes
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')[0]
      .slice(0, 300);
  for (const file of vitest?.testResults ?? []) {
    const name = relative(ROOT, file.name);
    // A file that failed outside its tests (a beforeAll, an import) has no failed test to name.
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'))
      lines.push(`FAILED ${name} (outside its tests): ${firstLine(file.message)}`);
    for (const test of file.assertionResults ?? []) {
      const why = firstLine(test.failureMessages?.[0]);
      if (test.status === 'failed') lines.push(`FAILED ${name} > ${test.fullName}: ${why}`);
      else if (test.status === 'passed' && test.failureMessages?.length)
        lines.push(`flaky (passed on retry) ${name} > ${test.fullName}: ${why}`);
    }
  }
  const visit = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const error = firstLine(test.results?.find((result) => result.error)?.error?.message);
        if (test.status === 'unexpected') lines.push(`FAILED ${file} > ${spec.title}: ${error}`);
        else if (test.status === 'flaky')
          lines.push(`flaky (passed on retry) ${file} > ${spec.title}: ${error}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, file);
  };
  for (const suite of playwright?.suites ?? []) visit(suite, suite.file ?? suite.title);
  return lines;
}

/**
 * Runs the built server in this very process: once it is loaded, `npm` and this one Node process are all
 * that run (no wrapper, no pnpm, no tsx). The server handles Ctrl-C itself and stops the local Kafka.
 */
async function start() {
  ensureDependencies();
  ensureWebBuild();
  const main = ensureServerBuild();
  await import(pathToFileURL(main).href);
}

function bench() {
  // The benches run kcat, Chromium, kafka-python-ng, the local Kafka, the registry and the built web app.
  ensureSystemPackages();
  ensureDependencies();
  ensurePython();
  ensureKafkaJars();
  ensureWebBuild();
  const dir = join(ROOT, 'bench');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.bench.ts'))
        .sort()
    : [];
  if (files.length === 0) fail('No benchmarks in bench/.');
  let failed = 0;
  for (const file of files) {
    say(`benchmark ${file}`);
    if (pnpm(['exec', 'tsx', join('bench', file)]) !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

/** Every page in both themes, both languages, desktop and phone widths, into .cache/screenshots/. */
function screenshots() {
  ensureSystemPackages();
  ensureDependencies();
  ensureKafkaJars();
  ensureWebBuild();
  const code = pnpm(['exec', 'playwright', 'test', 'e2e/screenshots.spec.ts'], {
    env: { ...process.env, SCREENSHOTS: '1' },
  });
  if (code === 0) say(`screenshots written to ${join(ROOT, '.cache', 'screenshots')}`);
  process.exit(code);
}

checkNode();
const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'test') test();
else if (command === 'bench') bench();
else if (command === 'screenshots') screenshots();
else if (command === 'dev') {
  ensureDependencies();
  process.exit(pnpm(['--parallel', '--filter', '@tributary/server', '--filter', '@tributary/web', 'dev']));
} else fail('usage: node scripts/tributary.mjs start|test|bench|dev|screenshots');
