import { UsageError } from '../errors.js';
import { criterionEdits } from './criterion-edits.js';
import { parseDay } from './dates.js';
import { editApplication, type EditOptions } from './edit-application.js';
import { evidenceArguments } from './evidence-arguments.js';
import { evidenceRefs, text } from './evidence-refs.js';
import { assertEditable, editedCatalogue, findCriterion } from './find-criterion.js';
import { normalisePath } from './paths.js';
import type { EvidenceItem } from './types.js';
import { cleanStatement } from './write-statement.js';

export interface MapEvidenceOptions extends EditOptions {
  /** The application folder. */
  dir: string;
  criterion: string;
  /** Paths relative to the folder, with `/` or `\`, or absolute paths inside it. */
  files: string[];
  summary?: string;
  date?: string;
  area?: string;
  /** Where in the file the evidence is, e.g. "p. 4, §2.1". */
  locator?: string;
  /** How the organisation meets the criterion: written as its statement. */
  statement?: string;
}

export interface MapEvidenceResult {
  /** The criterion id as the catalogue spells it. */
  criterion: string;
  stage: string;
  /** Files added, normalised. */
  added: string[];
  /** Files already mapped to the criterion. */
  skipped: string[];
  /** The statement was written. */
  statement: boolean;
  /** True when svmc.yaml had to be printed anew, so its layout changed. */
  reprinted: boolean;
}

/**
 * Adds evidence items under the criterion's stage in svmc.yaml, editing the YAML document so
 * comments, key order and layout survive. Refuses (UsageError, nothing written) anything doubtful.
 */
export async function mapEvidence(options: MapEvidenceOptions): Promise<MapEvidenceResult> {
  const statement = options.statement === undefined ? undefined : cleanStatement(options.statement);
  const { result, reprinted } = await editApplication(options.dir, async (loaded) => {
    assertEditable(loaded);
    const criterion = findCriterion(loaded, options.criterion);
    if (options.date !== undefined && !parseDay(options.date)) throw new UsageError(`--date ${options.date} is not a real date written YYYY-MM-DD`);
    const files = await evidenceArguments(options.dir, options.files);
    const mapped = new Set(
      evidenceRefs(loaded.data).filter((r) => r.criterion === criterion.id).map((r) => normalisePath(r.item.file)),
    );
    const added = [...new Set(files)].filter((file) => !mapped.has(file));
    const skipped = files.filter((file) => mapped.has(file));
    const items = added.map((file) => item(file, options));
    const edits = criterionEdits(loaded.data, criterion, editedCatalogue(loaded), { items, ...(statement === undefined ? {} : { statement }) });
    const mapping = { criterion: criterion.id, stage: criterion.stage, added, skipped, statement: edits.some((edit) => !('append' in edit)) };
    return { edit: edits, result: mapping };
  }, options);
  return { ...result, reprinted };
}

function item(file: string, options: MapEvidenceOptions): EvidenceItem {
  return {
    file,
    ...(text(options.summary) ? { summary: options.summary!.trim() } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(text(options.area) ? { area: options.area!.trim() } : {}),
    ...(text(options.locator) ? { locator: options.locator!.trim() } : {}),
  };
}
