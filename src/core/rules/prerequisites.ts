import { field } from '../application/evidence-refs.js';
import { finding, type Finding } from '../findings.js';
import { TERMS_PATH, termsFile } from './file-targets.js';
import type { Rule } from './types.js';

const RECORDS: { path: string[]; what: string }[] = [
  { path: ['applicant', 'membership', 'network'], what: 'the membership network (e.g. Social Value UK) under applicant.membership.network' },
  { path: ['applicant', 'membership', 'number'], what: 'the organisational membership number under applicant.membership.number' },
  { path: ['application', 'preparationCall'], what: 'the date of the preparation call with the Assurance Manager under application.preparationCall' },
];

/** PREREQUISITE_MISSING: membership, the preparation call and the signed Terms & Conditions, recorded and present. */
export const prerequisites: Rule = (context) => {
  const { data, locate } = context;
  const findings: Finding[] = [];
  for (const { path, what } of RECORDS) {
    if (field(data, ...path) === undefined || field(data, ...path) === null) {
      findings.push(finding('PREREQUISITE_MISSING', `Record ${what}.`, { location: locate(path, { preferKey: true }) }));
    }
  }
  const recorded = field(data, ...TERMS_PATH);
  if (recorded === undefined || recorded === null) {
    const message = 'Record the signed Terms & Conditions: put the signed file in the folder and name it under application.termsAndConditions.';
    findings.push(finding('PREREQUISITE_MISSING', message, { location: locate(TERMS_PATH, { preferKey: true }) }));
  }
  const terms = termsFile(context);
  if (terms === undefined) return findings;
  const state = context.files.inspect(terms);
  if (state.kind === 'missing' || state.kind === 'empty' || state.kind === 'unreadable') {
    // The reason alone: the advice that follows it is for evidence, not for the T&C.
    const problem = state.kind === 'missing' ? 'does not exist' : state.kind === 'empty' ? 'is empty' : state.reason.split(':')[0];
    const message = `The signed Terms & Conditions file ${terms} ${problem}: put the signed copy, a readable file, at that path.`;
    findings.push(finding('PREREQUISITE_MISSING', message, { location: locate(TERMS_PATH) }));
  }
  return findings;
};
