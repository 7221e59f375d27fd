import { field, text, type EvidenceRef } from '../application/evidence-refs.js';
import type { FileState } from '../application/folder.js';
import { finding, type Finding, type FindingCode } from '../findings.js';
import type { RuleContext } from './types.js';

export const TERMS_PATH = ['application', 'termsAndConditions'];

export interface FileTarget {
  file: string;
  /** The evidence item naming the file; none for the Terms & Conditions. */
  ref?: EvidenceRef;
  criterion?: string;
}

/** Where the target's path is written in svmc.yaml (worked out only for a finding). */
function targetPath(target: FileTarget): (string | number)[] {
  return target.ref ? [...target.ref.path, 'file'] : TERMS_PATH;
}

/** The signed Terms & Conditions file, when one is recorded. */
export function termsFile(context: RuleContext): string | undefined {
  return text(field(context.data, ...TERMS_PATH));
}

const known = new WeakMap<RuleContext, FileTarget[]>();

/** Every file svmc.yaml names: the evidence items and the signed Terms & Conditions. Worked out once per check. */
export function fileTargets(context: RuleContext): FileTarget[] {
  let targets = known.get(context);
  if (!targets) {
    targets = context.refs.map((ref) => ({ file: ref.item.file, ref, criterion: ref.criterion }));
    const terms = termsFile(context);
    if (terms !== undefined) targets.push({ file: terms });
    known.set(context, targets);
  }
  return targets;
}

/**
 * A finding for each named file whose inspection `judge` objects to. Most files pass: nothing is
 * made for them, which matters when thousands are mapped.
 */
export function targetFindings(
  context: RuleContext,
  code: FindingCode,
  judge: (target: FileTarget, state: FileState) => string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const target of fileTargets(context)) {
    const message = judge(target, context.files.inspect(target.file));
    if (message === undefined) continue;
    const location = context.locate(targetPath(target));
    findings.push(finding(code, message, { location, ...(target.criterion === undefined ? {} : { criterion: target.criterion }) }));
  }
  return findings;
}
