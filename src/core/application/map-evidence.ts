import { loadCatalogue } from '../catalogue/load.js';
import type { Catalogue, Criterion } from '../catalogue/types.js';
import { STAGES, isLevel } from '../domain.js';
import { UsageError } from '../errors.js';
import { parseDay } from './dates.js';
import { editApplication } from './edit-application.js';
import { evidenceArguments } from './evidence-arguments.js';
import { evidenceRefs, field, text } from './evidence-refs.js';
import type { LoadedApplication } from './load.js';
import { normalisePath } from './paths.js';
import { nearest } from './suggest.js';
import type { EvidenceItem } from './types.js';

export interface MapEvidenceOptions {
  /** The application folder. */
  dir: string;
  criterion: string;
  /** Paths relative to the folder, with `/` or `\`, or absolute paths inside it. */
  files: string[];
  summary?: string;
  date?: string;
  area?: string;
}

export interface MapEvidenceResult {
  /** The criterion id as the catalogue spells it. */
  criterion: string;
  stage: string;
  /** Files added, normalised. */
  added: string[];
  /** Files already mapped to the criterion. */
  skipped: string[];
  /** True when svmc.yaml had to be printed anew, so its layout changed. */
  reprinted: boolean;
}

/**
 * Adds evidence items under the criterion's stage in svmc.yaml, editing the YAML document so
 * comments, key order and layout survive. Refuses (UsageError, nothing written) anything doubtful.
 */
export async function mapEvidence(options: MapEvidenceOptions): Promise<MapEvidenceResult> {
  const { result, reprinted } = await editApplication(options.dir, async (loaded) => {
    const broken = loaded.findings.find((f) => f.severity === 'error');
    if (broken || loaded.data === undefined) {
      throw new UsageError(`svmc.yaml cannot be edited until it reads cleanly: ${broken?.message ?? 'it is not a YAML map'} (see "svmc check")`);
    }
    const criterion = findCriterion(loaded, options.criterion);
    if (options.date !== undefined && !parseDay(options.date)) throw new UsageError(`--date ${options.date} is not a real date written YYYY-MM-DD`);
    const files = await evidenceArguments(options.dir, options.files);
    const mapped = new Set(
      evidenceRefs(loaded.data).filter((r) => r.criterion === criterion.id).map((r) => normalisePath(r.item.file)),
    );
    const added = [...new Set(files)].filter((file) => !mapped.has(file));
    const skipped = files.filter((file) => mapped.has(file));
    const mapping = { criterion: criterion.id, stage: criterion.stage, added, skipped };
    if (added.length === 0) return { result: mapping };
    const order = [[], STAGES, loadedCatalogue(loaded).criteria.map((c) => c.id)];
    const append = added.map((file) => item(file, options));
    return { edit: { path: ['evidence', criterion.stage, criterion.id], append, order }, result: mapping };
  });
  return { ...result, reprinted };
}

function item(file: string, options: MapEvidenceOptions): EvidenceItem {
  return {
    file,
    ...(text(options.summary) ? { summary: options.summary!.trim() } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(text(options.area) ? { area: options.area!.trim() } : {}),
  };
}

function loadedCatalogue(loaded: LoadedApplication): Catalogue {
  return loadCatalogue(text(field(loaded.data, 'catalogue')), loaded.dir);
}

function findCriterion(loaded: LoadedApplication, id: string): Criterion {
  let catalogue: Catalogue;
  try {
    catalogue = loadedCatalogue(loaded);
  } catch (error) {
    throw new UsageError(`the criteria catalogue cannot be used: ${(error as Error).message}`);
  }
  const level = field(loaded.data, 'application', 'level');
  if (!isLevel(level)) throw new UsageError('svmc.yaml has no valid application.level (1, 2 or 3), so the criterion cannot be placed');
  const pool = catalogue.criteria.filter((c) => c.level === level);
  const found = pool.find((c) => c.id === id) ?? pool.find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (found) return found;
  const other = catalogue.criteria.find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (other) throw new UsageError(`${id} is a level-${other.level} criterion; this application is level ${level} (see "svmc criteria --level ${level}")`);
  const match = nearest(id, pool.map((c) => c.id));
  throw new UsageError(`unknown criterion ${id}.${match ? ` Did you mean ${match}?` : ''} See "svmc criteria --level ${level}"`);
}
