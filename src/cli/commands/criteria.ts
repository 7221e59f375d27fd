import { CatalogueError, loadCatalogue } from '../../core/catalogue/load.js';
import type { Catalogue, Criterion } from '../../core/catalogue/types.js';
import { LEVEL_NAMES, STAGE_CODES, STAGE_TITLES, STAGES, type Level, type Stage } from '../../core/domain.js';
import { UsageError } from '../../core/errors.js';
import { parseLevel } from '../../core/fee/parse.js';
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
  out(options.format === 'json' ? renderJson(catalogue, criteria) : renderText(catalogue, criteria, terminalWidth()));
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

function renderJson(catalogue: Catalogue, criteria: Criterion[]): string {
  return JSON.stringify(
    {
      catalogue: { id: catalogue.id, version: catalogue.version, title: catalogue.title, builtIn: catalogue.builtIn },
      criteria: criteria.map(({ id, level, stage, title, description, evidence, basis, required }) => ({
        id,
        level,
        stage,
        title,
        description,
        evidence,
        basis,
        required,
      })),
    },
    null,
    2,
  );
}

function renderText(catalogue: Catalogue, criteria: Criterion[], width: number): string {
  const lines = [paint('bold', catalogue.title), `${catalogue.id}, version ${catalogue.version}`];
  if (criteria.length === 0) return `${[...lines, '', 'No criteria match.'].join('\n')}\n`;
  let current: { level: Level; stage?: Stage } | undefined;
  for (const criterion of criteria) {
    if (current?.level !== criterion.level) {
      const heading = `Level ${criterion.level} (${LEVEL_NAMES[criterion.level]})`;
      lines.push('', paint('bold', heading), '='.repeat(heading.length));
      current = { level: criterion.level };
    }
    if (current.stage !== criterion.stage) {
      lines.push('', paint('underline', STAGE_TITLES[criterion.stage]));
      current.stage = criterion.stage;
    }
    const optional = criterion.required ? '' : ' (optional)';
    lines.push('', ...wrap(`${criterion.title}${optional}`, width, `  ${paint('cyan', criterion.id)}  `, '    '));
    lines.push(...wrap(criterion.description, width, '    ', '    '));
    if (criterion.evidence.length > 0) {
      lines.push('    Evidence:');
      for (const item of criterion.evidence) lines.push(...wrap(item, width, '    - ', '      '));
    }
    if (criterion.basis.length > 0) lines.push(...wrap(`Basis: ${criterion.basis.join('; ')}`, width, '    ', '      '));
  }
  return `${lines.join('\n')}\n`;
}

/** Word-wraps `text` to `width` columns after the `first` line's prefix, then `rest`'s. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let length = visibleLength(first);
  let empty = true;
  for (const word of words) {
    const visible = visibleLength(word);
    if (!empty && length + 1 + visible > width) {
      lines.push(line);
      line = rest + word;
      length = rest.length + visible;
    } else {
      line += empty ? word : ` ${word}`;
      length += (empty ? 0 : 1) + visible;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function visibleLength(text: string): number {
  // Colour codes take no columns.
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
