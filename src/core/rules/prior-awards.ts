import { field } from '../application/evidence-refs.js';
import type { Level } from '../domain.js';
import type { RuleContext } from './types.js';

export interface CitedAward {
  index: number;
  level: unknown;
  awarded: unknown;
}

/** The award an application must cite: level 1 for level 2, level 2 for level 3, level 3 for a renewal. */
export function neededAward(context: RuleContext): Level | undefined {
  if (context.renewal) return 3;
  if (context.level === 2) return 1;
  if (context.level === 3) return 2;
  return undefined;
}

export function citedAwards(context: RuleContext): CitedAward[] {
  const list = field(context.data, 'application', 'previousAwards');
  if (!Array.isArray(list)) return [];
  return list.map((award: unknown, index) => ({ index, level: field(award, 'level'), awarded: field(award, 'awarded') }));
}

