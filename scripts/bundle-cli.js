// Bundles the CLI's own modules into one CommonJS file (npm run build), which bin/svmc.js loads.
// Node loaded the 120 modules of a check one by one as ES modules: on a folder of 100 items that
// was a third of the check's time. Packages stay outside it, loaded as they were.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

await build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: join(dist, 'cli/main.bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  keepNames: true,
  banner: { js: "const __distUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', '/')).href;" },
  plugins: [
    {
      // Each module keeps its own import.meta.url, so what it finds beside itself (its worker, the
      // package root) is found where the unbundled module would find it.
      name: 'module-url',
      setup(bundler) {
        bundler.onLoad({ filter: /\/dist\/.*\.js$/ }, async ({ path }) => {
          const contents = await readFile(path, 'utf8');
          const url = `new URL(${JSON.stringify(relative(dist, path).split('\\').join('/'))}, __distUrl).href`;
          return { contents: contents.replaceAll('import.meta.url', url), loader: 'js' };
        });
      },
    },
  ],
  logLevel: 'warning',
});
