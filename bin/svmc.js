#!/usr/bin/env node
const built = new URL('../dist/cli/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(built.href));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(built.pathname)) throw error;
  // A checkout of the source installed before it was built.
  console.error(`svmc: this copy of svmc has not been built: run "npm ci" in ${new URL('..', import.meta.url).pathname}`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
