import { text } from '../application/evidence-refs.js';
import type { RuleContext } from './types.js';

/** Distinct non-empty values of an evidence field, compared without case or extra spaces. */
export function distinctValues(context: RuleContext, key: 'area' | 'date'): string[] {
  const seen = new Map<string, string>();
  for (const ref of context.refs) {
    const value = text(ref.item[key]);
    if (value !== undefined) seen.set(value.trim().replace(/\s+/g, ' ').toLowerCase(), value.trim());
  }
  return [...seen.values()];
}

/** Level 3 with some evidence mapped: the only case where the spread rules apply. */
export function spreadApplies(context: RuleContext): boolean {
  return context.level === 3 && context.refs.length > 0;
}
