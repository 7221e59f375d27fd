import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { field } from '../application/evidence-refs.js';
import { openApplication } from '../application/open.js';
import { UsageError } from '../errors.js';

/** What `svmc fee` needs from a svmc.yaml; values are unchecked until parsed. */
export interface FolderFeeFacts {
  size?: unknown;
  level?: unknown;
  renewal?: unknown;
  /** `application.fee`: discount and VAT rate. */
  fee?: unknown;
}

/** Size, level and renewal from the application in `dir`; undefined when the folder holds no svmc.yaml. */
export async function readFolderFeeFacts(dir: string): Promise<FolderFeeFacts | undefined> {
  if (!(await stat(join(dir, 'svmc.yaml')).catch(() => undefined))) return undefined;
  const document = await (await openApplication(dir)).document();
  if (document.findings.some((f) => f.code === 'YAML_SYNTAX' && f.severity === 'error')) {
    throw new UsageError(`${join(dir, 'svmc.yaml')} is not valid YAML (run "svmc check" for details)`);
  }
  const { data } = document;
  return {
    size: field(data, 'applicant', 'membership', 'size'),
    level: field(data, 'application', 'level'),
    renewal: field(data, 'application', 'renewal'),
    fee: field(data, 'application', 'fee'),
  };
}
