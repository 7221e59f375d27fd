import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnose, FAILING_SCHEMA_STATUSES } from '../../core/doctor/diagnose.js';
import { isOwnSchemaCopy } from '../../core/doctor/schema-line.js';
import { UsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/fs/atomic-write.js';
import { applicationSchemaCopy, SCHEMA_COPY_NAME } from '../../core/schema/schema-copy.js';
import { renderDoctorJson, renderDoctorText } from '../../report/doctor.js';
import { err, out } from '../io.js';
import { VERSION } from '../version.js';
import type { OptionsOf, defineDoctor } from '../program.js';

export type DoctorCommandOptions = OptionsOf<typeof defineDoctor>;

/** Which svmc and Node run, whether the `$schema` line resolves, which optional tools are there: 1 when the line does not resolve. */
export async function run(dir: string, options: DoctorCommandOptions): Promise<number> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir} is not a folder`);
  let diagnosis = diagnose(dir, VERSION);
  if (options.fix && (FAILING_SCHEMA_STATUSES.has(diagnosis.schema.status) || diagnosis.schema.status === 'no-line' || diagnosis.schema.status === 'online')) {
    await writeSchemaCopy(dir);
    diagnosis = diagnose(dir, VERSION);
  }
  out(options.format === 'json' ? renderDoctorJson(diagnosis, VERSION) : renderDoctorText(diagnosis, dir));
  return diagnosis.ok ? 0 : 1;
}

/** Writes (or brings up to date) the copy beside svmc.yaml; a file of that name that svmc did not write is left alone. */
async function writeSchemaCopy(dir: string): Promise<void> {
  const path = join(resolve(dir), SCHEMA_COPY_NAME);
  if (!isOwnSchemaCopy(path)) {
    throw new UsageError(`${join(dir, SCHEMA_COPY_NAME)} exists and is not a schema copy that svmc wrote, so it was left as it is: move it away and run "svmc doctor --fix" again`);
  }
  const existed = existsSync(path);
  await writeFileAtomic(path, applicationSchemaCopy(VERSION));
  err(`svmc: ${existed ? 'brought up to date' : 'wrote'} ${join(dir, SCHEMA_COPY_NAME)}`);
}
