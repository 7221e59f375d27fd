#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const bundle = fileURLToPath(new URL('../dist/cli/main.bundle.cjs', import.meta.url));
const built = new URL('../dist/cli/main.js', import.meta.url);
let main;
try {
  // One file loads in a fraction of the time of the modules it holds (see scripts/bundle-cli.js);
  // the version alone needs a few small modules, not the whole of it.
  const { isVersionRequest } = await import(new URL('../dist/cli/version-request.js', import.meta.url).href);
  ({ main } = isVersionRequest(argv) ? await import(built.href) : createRequire(import.meta.url)(bundle));
} catch (error) {
  const missing = (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') && String(error.message).includes('/dist/');
  if (!missing) throw error;
  // A checkout of the source installed before it was built.
  console.error(`svmc: this copy of svmc has not been built: run "npm ci" in ${fileURLToPath(new URL('..', import.meta.url))}`);
  process.exit(2);
}
process.exitCode = await main(argv);
