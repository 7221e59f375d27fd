import { loadCatalogue } from '../catalogue/load.js';
import type { Catalogue, Criterion } from '../catalogue/types.js';
import { isLevel } from '../domain.js';
import { UsageError } from '../errors.js';
import { field, text } from './evidence-refs.js';
import type { LoadedApplication } from './load.js';
import { nearest } from './suggest.js';

/** The catalogue svmc.yaml names, for a command that edits it. */
export function editedCatalogue(loaded: LoadedApplication): Catalogue {
  try {
    return loadCatalogue(text(field(loaded.data, 'catalogue')), loaded.dir);
  } catch (error) {
    throw new UsageError(`the criteria catalogue cannot be used: ${(error as Error).message}`);
  }
}

/** A criterion of the application's level by its id (any case); a UsageError that says what was meant otherwise. */
export function findCriterion(loaded: LoadedApplication, id: string): Criterion {
  const catalogue = editedCatalogue(loaded);
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

/** svmc.yaml must read cleanly before a command changes it. */
export function assertEditable(loaded: LoadedApplication): void {
  const broken = loaded.findings.find((f) => f.severity === 'error');
  if (broken || loaded.data === undefined) {
    throw new UsageError(`svmc.yaml cannot be edited until it reads cleanly: ${broken?.message ?? 'it is not a YAML map'} (see "svmc check")`);
  }
}
