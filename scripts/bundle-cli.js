// Bundles the CLI's own modules into one CommonJS file (npm run build), which bin/svmc.js loads,
// and writes V8's code cache for it. Node loaded the 120 modules of a check one by one as ES
// modules: on a folder of 100 items that was a third of the check's time. Packages stay outside.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const bundle = join(dist, 'cli/main.bundle.cjs');

await build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  keepNames: true,
  // import() would need a loader of its own in a script run with a code cache: packages are required.
  supported: { 'dynamic-import': false },
  banner: { js: "const __distUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', '/')).href;" },
  plugins: [
    {
      // Each module keeps its own import.meta.url, so what it finds beside itself (its worker, the
      // package root) is found where the unbundled module would find it.
      name: 'module-url',
      setup(bundler) {
        bundler.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
          const contents = await readFile(path, 'utf8');
          const url = `new URL(${JSON.stringify(relative(dist, path).split('\\').join('/'))}, __distUrl).href`;
          return { contents: contents.replaceAll('import.meta.url', url), loader: 'js' };
        });
      },
    },
  ],
  logLevel: 'warning',
});

// The cache holds what a help and a check of the shipped example compile, so those start compiled.
rmSync(`${bundle}.cache`, { force: true });
const warmUp = `
  const { writeFileSync } = await import('node:fs');
  const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(dist, 'cli/load-bundle.js')).href)});
  const { cli, script } = loadBundle(${JSON.stringify(bundle)});
  await cli.main(['--help']);
  await cli.main(['check', ${JSON.stringify(join(root, 'examples/level-1'))}]);
  writeFileSync(${JSON.stringify(`${bundle}.cache`)}, script.createCachedData());
`;
const made = spawnSync(process.execPath, ['--input-type=module', '-e', warmUp], { stdio: ['ignore', 'ignore', 'inherit'] });
if (made.status !== 0) process.exit(made.status ?? 1);
