#!/usr/bin/env node
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const dist = (path) => new URL(`../dist/${path}`, import.meta.url);
let main;
try {
  // One file loads in a fraction of the time of the modules it holds (see scripts/bundle-cli.js);
  // the version alone needs a few small modules, not the whole of it.
  const { isVersionRequest } = await import(dist('cli/version-request.js').href);
  if (isVersionRequest(argv)) ({ main } = await import(dist('cli/main.js').href));
  else ({ main } = (await import(dist('cli/load-bundle.js').href)).loadBundle(fileURLToPath(dist('cli/main.bundle.cjs'))).cli);
} catch (error) {
  const missing = ['ERR_MODULE_NOT_FOUND', 'ENOENT'].includes(error?.code) && String(error.message).includes('/dist/');
  if (!missing) throw error;
  // A checkout of the source installed before it was built.
  console.error(`svmc: this copy of svmc has not been built: run "npm ci" in ${fileURLToPath(new URL('..', import.meta.url))}`);
  process.exit(2);
}
process.exitCode = await main(argv);
