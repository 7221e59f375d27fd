import type { Catalogue, Criterion } from '../core/catalogue/types.js';
import { LEVEL_NAMES, STAGE_TITLES, type Level, type Stage } from '../core/domain.js';
import { plain, type Paint } from './paint.js';
import { wrapWords } from './wrap.js';

/** `svmc criteria --format json`: the catalogue's id and version, and the criteria listed. */
export function renderCriteriaJson(catalogue: Catalogue, criteria: Criterion[]): string {
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

/** The catalogue by level and stage, wrapped to `width` columns. */
export function renderCriteriaText(catalogue: Catalogue, criteria: Criterion[], width: number, paint: Paint = plain): string {
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
    lines.push('', ...wrapWords(`${criterion.title}${optional}`, width, `  ${paint('cyan', criterion.id)}  `, '    '));
    lines.push(...wrapWords(criterion.description, width, '    ', '    '));
    if (criterion.evidence.length > 0) {
      lines.push('    Evidence:');
      for (const item of criterion.evidence) lines.push(...wrapWords(item, width, '    - ', '      '));
    }
    if (criterion.basis.length > 0) lines.push(...wrapWords(`Basis: ${criterion.basis.join('; ')}`, width, '    ', '      '));
  }
  return `${lines.join('\n')}\n`;
}
