import { CatalogueError, loadCatalogue } from '../../core/catalogue/load.js';
import type { Catalogue } from '../../core/catalogue/types.js';
import { STAGE_CODES, STAGES, type Stage } from '../../core/domain.js';
import { UsageError } from '../../core/errors.js';
import { parseLevel } from '../../core/fee/parse.js';
import { renderCriteriaJson, renderCriteriaText } from '../../report/criteria.js';
import { paint } from '../color.js';
import { out } from '../io.js';
import type { OptionsOf, defineCriteria } from '../program.js';

export type CriteriaCommandOptions = OptionsOf<typeof defineCriteria>;

export async function run(options: CriteriaCommandOptions): Promise<number> {
  const level = options.level === undefined ? undefined : parseLevel(options.level, '--level');
  const stage = options.stage === undefined ? undefined : parseStage(options.stage);
  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue(options.catalogue);
  } catch (error) {
    if (error instanceof CatalogueError) throw new UsageError(error.message);
    throw error;
  }
  const criteria = catalogue.criteria.filter(
    (c) => (level === undefined || c.level === level) && (stage === undefined || c.stage === stage),
  );
  out(options.format === 'json' ? renderCriteriaJson(catalogue, criteria) : renderCriteriaText(catalogue, criteria, terminalWidth(), paint));
  return 0;
}

/** A stage id, or its short code (PL), in any case. */
function parseStage(text: string): Stage {
  const wanted = text.trim().toLowerCase();
  const stage = STAGES.find((s) => s === wanted || STAGE_CODES[s].toLowerCase() === wanted);
  if (stage) return stage;
  throw new UsageError(`--stage "${text}" is not one of ${STAGES.join(', ')} (or ${STAGES.map((s) => STAGE_CODES[s]).join(' ')})`);
}

function terminalWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(40, columns ?? 80);
}
