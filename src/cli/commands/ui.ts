import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import type { OptionsOf, defineUi } from '../program.js';
import { openBrowser } from '../ui/open-browser.js';
import { UPLOAD_LIMIT_MB } from '../ui/pages.js';
import { startUiServer } from '../ui/server.js';
import { VERSION } from '../version.js';

export type UiCommandOptions = OptionsOf<typeof defineUi>;

/** Serves the workspace until Ctrl-C (or SIGTERM), then stops cleanly: exit 0. */
export async function run(dir: string, options: UiCommandOptions): Promise<number> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(`--port ${options.port} is not a port: give a number from 1 to 65535, or 0 for any free one`);
  const found = await stat(join(dir, 'svmc.yaml')).catch(() => undefined);
  if (!found?.isFile()) throw new UsageError(`${dir} holds no svmc.yaml: start an application with "svmc init", or name its folder`);
  const server = await startUiServer({
    dir,
    port,
    token: randomBytes(24).toString('base64url'),
    uploadLimit: UPLOAD_LIMIT_MB * 1e6,
    onBug: (error) => err(`svmc ${VERSION}: internal error, this is a bug: ${error instanceof Error ? (process.env.SVMC_DEBUG ? error.stack : error.message) : String(error)}`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: choose another with --port, or leave it out for a free one`);
    throw error;
  });
  out(`svmc is serving ${dir} at ${paint('bold', server.url)}`);
  out('Only this computer can reach it, and only with that address. Press Ctrl-C to stop.');
  if (options.open && !openBrowser(server.url)) err('svmc: no screen to open a browser on: open the address above in one');
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await server.close();
  out('svmc ui stopped.');
  return 0;
}
