import { checkFolder } from '../../core/check/check-application.js';
import { statusOf } from '../../core/check/status.js';
import { renderStatus } from '../../report/status.js';
import { paint } from '../color.js';
import { out } from '../io.js';
import type { OptionsOf, defineStatus } from '../program.js';

export type StatusCommandOptions = OptionsOf<typeof defineStatus>;

/** Progress is information, not a verdict: it exits 0 whatever is missing (`check` gives the verdict). */
export async function run(dir: string, options: StatusCommandOptions): Promise<number> {
  const status = statusOf(await checkFolder(dir));
  out(options.format === 'json' ? JSON.stringify({ schemaVersion: 1, ...status }, null, 2) : renderStatus(status, paint));
  return 0;
}
