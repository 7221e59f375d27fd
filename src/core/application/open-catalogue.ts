import { criteriaFor } from '../catalogue/criteria-for.js';
import { CatalogueError, builtInCatalogueIds, loadCatalogue } from '../catalogue/load.js';
import type { Catalogue } from '../catalogue/types.js';
import { isLevel } from '../domain.js';
import { finding, type Finding } from '../findings.js';
import { field, text } from './evidence-refs.js';
import type { Locate } from './locate.js';

/** The catalogue svmc.yaml names (default: the built-in one), or CATALOGUE_INVALID saying why it cannot be used. */
export function openCatalogue(data: unknown, dir: string, locate: Locate): { catalogue?: Catalogue; findings: Finding[] } {
  const ref = text(field(data, 'catalogue'));
  const at = (): { location: ReturnType<Locate> } => ({ location: locate(['catalogue']) });
  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue(ref, dir);
  } catch (error) {
    // A user's own catalogue may break in ways the loader does not foresee; the built-in one may not.
    const own = ref !== undefined && !builtInCatalogueIds().includes(ref);
    if (!(error instanceof CatalogueError) && !(own && error instanceof Error)) throw error;
    return { findings: [finding('CATALOGUE_INVALID', `${(error as Error).message}. Fix the catalogue file, or remove "catalogue:" to use the built-in one.`, at())] };
  }
  const level = field(data, 'application', 'level');
  if (isLevel(level) && criteriaFor(catalogue, level).length === 0) {
    const message = `Catalogue ${catalogue.id} has no level-${level} criteria: name a catalogue that covers level ${level}.`;
    return { catalogue, findings: [finding('CATALOGUE_INVALID', message, at())] };
  }
  return { catalogue, findings: [] };
}
