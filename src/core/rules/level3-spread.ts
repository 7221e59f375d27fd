import { text } from '../application/evidence-refs.js';
import type { RuleContext } from './types.js';

/** Distinct non-empty values of an evidence field, compared without case or extra spaces. */
export function distinctValues(context: RuleContext, key: 'area' | 'date'): string[] {
  const seen = new Map<string, string>();
  for (const ref of context.refs) {
    const value = text(ref.item[key]);
    if (value !== undefined) seen.set(spreadKey(value), value.trim());
  }
  return [...seen.values()];
}

/** Two areas or dates are the same when they differ only in case and spacing. */
export function spreadKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Level 3 with some evidence mapped: the only case where the spread rules apply. */
export function spreadApplies(context: RuleContext): boolean {
  return context.level === 3 && context.refs.length > 0;
}
