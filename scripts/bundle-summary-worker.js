// Bundles the worker that renders summary.pdf, and what it imports, into one file (npm run build).
// Loading its modules one by one, about 70 of them, cost every pack and verify 0.1 s of wall time
// and 0.15 s of CPU; the worker falls back to them where the bundle was not made.
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
await build({
  entryPoints: [join(root, 'dist/core/pdf/summary-worker.js')],
  outfile: join(root, 'dist/core/pdf/summary-worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The CommonJS modules inside require Node's built-ins.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
  alias: {
    // fontkit reads WOFF2 fonts through brotli, whose 1.4 MB dictionary it loads up front; the summary embeds only TTF and OTF.
    'brotli/decompress.js': join(root, 'scripts/no-woff2.js'),
    // fontkit inflates its Unicode tables as it loads, through tiny-inflate in JavaScript: 30 ms, where zlib takes 4 ms.
    'tiny-inflate': join(root, 'scripts/zlib-inflate.cjs'),
  },
  logLevel: 'warning',
});
