import { finding, type Finding } from '../findings.js';
import type { Rule } from './types.js';

/** EVIDENCE_FILE_MISSING, EVIDENCE_FILE_EMPTY, EVIDENCE_FILE_UNREADABLE for each mapped file. */
export const evidenceFiles: Rule = ({ refs, files, locate }) => {
  const states = refs.map((ref) => files.inspect(ref.item.file));
  const findings: Finding[] = [];
  states.forEach((state, i) => {
    const ref = refs[i]!;
    const file = ref.item.file;
    if (state.kind === 'ok' || state.kind === 'outside') return;
    const extra = { criterion: ref.criterion, location: locate([...ref.path, 'file']) };
    if (state.kind === 'missing') {
      findings.push(finding('EVIDENCE_FILE_MISSING', `${file} does not exist: check the path's spelling, or add the file to the folder.`, extra));
    } else if (state.kind === 'empty') {
      findings.push(finding('EVIDENCE_FILE_EMPTY', `${file} is empty (0 bytes): replace it with the real document.`, extra));
    } else if (state.kind === 'unreadable') {
      findings.push(finding('EVIDENCE_FILE_UNREADABLE', `${file} ${state.reason}.`, extra));
    }
  });
  return findings;
};
