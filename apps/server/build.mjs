// Compiles the server into one ES module, dist/main.js, so `npm start` runs plain Node (no tsx, no
// pnpm left running). The workspace packages (contract, local-kafka) ship TypeScript sources, so they
// are bundled in; everything from node_modules stays an import Node resolves at run time.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, 'dist');

/** Bare imports other than our workspace packages are left to Node's resolver. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tributary/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Modules that find files beside themselves (local-kafka's maven/pom.xml) keep their own location:
 * `import.meta.url` becomes the source file's URL, computed relative to dist/main.js so the tree can move.
 */
const keepModuleLocation = {
  name: 'keep-module-location',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromOut = relative(OUT_DIR, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(HERE, 'src', 'main.ts')],
  outfile: join(OUT_DIR, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalPackages, keepModuleLocation],
});
