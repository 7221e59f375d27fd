import { realpath, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { readDocument } from './read-document.js';
import { keptResult } from './result-cache.js';
import type { ApplicationResult, CheckResult } from './types.js';

export interface CheckOptions {
  /** The clock for award expiry; default: now. */
  now?: Date;
  /** Leave out the sign-off rules (for `pack --draft` and `sign`, which judge them separately). */
  skipSignoffs?: boolean;
}

/**
 * Checks one application folder: YAML, schema, catalogue completeness, then every domain rule.
 * Throws UsageError when the folder or its svmc.yaml is missing; every problem inside is a finding.
 * An unchanged folder gets the last check's result back (see result-cache.ts).
 */
export async function checkApplication(dir: string, options: CheckOptions = {}): Promise<ApplicationResult> {
  const document = await readDocument(dir);
  const now = options.now ?? new Date();
  const root = await realpath(dir);
  // A result kept for the clock of a pack, or without the sign-offs, would not be a check's.
  const key = options.now === undefined && !options.skipSignoffs ? document.key : undefined;
  const kept = key === undefined ? undefined : keptResult(root, key, now);
  if (kept) return { dir, ...kept };
  // The rules, the manifest and the signature checks load only when there is work for them.
  const { checkInFull } = await import('./check-in-full.js');
  return checkInFull(dir, document, { root, key, now, skipSignoffs: options.skipSignoffs ?? false });
}

/** Checks many folders into one result. Every folder must exist and hold svmc.yaml, or nothing is checked. */
export async function checkApplications(dirs: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const problems: string[] = [];
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) problems.push(`folder ${dir} does not exist`);
    else if (!info.isDirectory()) problems.push(`${dir} is not a folder`);
    else if (!(await stat(`${dir}/svmc.yaml`).catch(() => undefined))) problems.push(`${dir} has no svmc.yaml (create one with "svmc init ${dir}")`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const applications: ApplicationResult[] = [];
  for (const dir of dirs) applications.push(await checkApplication(dir, options));
  return { applications };
}
