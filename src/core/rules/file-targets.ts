import { field, text } from '../application/evidence-refs.js';
import type { RuleContext } from './types.js';

export const TERMS_PATH = ['application', 'termsAndConditions'];

export interface FileTarget {
  file: string;
  /** Where the path is written in svmc.yaml. */
  path: (string | number)[];
  criterion?: string;
}

/** The signed Terms & Conditions file, when one is recorded. */
export function termsFile(context: RuleContext): string | undefined {
  return text(field(context.data, ...TERMS_PATH));
}

/** Every file svmc.yaml names: the evidence items and the signed Terms & Conditions. */
export function fileTargets(context: RuleContext): FileTarget[] {
  const targets: FileTarget[] = context.refs.map((ref) => ({ file: ref.item.file, path: [...ref.path, 'file'], criterion: ref.criterion }));
  const terms = termsFile(context);
  if (terms !== undefined) targets.push({ file: terms, path: TERMS_PATH });
  return targets;
}

export function criterionOf(target: FileTarget): { criterion?: string } {
  return target.criterion === undefined ? {} : { criterion: target.criterion };
}
