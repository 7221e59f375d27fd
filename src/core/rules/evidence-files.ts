import { normalisePath } from '../application/paths.js';
import { finding, type Finding } from '../findings.js';
import { movedFiles } from './moved-files.js';
import type { Rule } from './types.js';

/** EVIDENCE_FILE_MISSING (naming where a moved file went), EVIDENCE_FILE_EMPTY, EVIDENCE_FILE_UNREADABLE for each mapped file. */
export const evidenceFiles: Rule = async (context) => {
  const { refs, files, locate } = context;
  const states = refs.map((ref) => files.inspect(ref.item.file));
  const missing = refs.filter((_, i) => states[i]!.kind === 'missing').map((ref) => normalisePath(ref.item.file));
  const moved = missing.length === 0 ? new Map<string, string>() : await movedFiles(context, missing);
  const findings: Finding[] = [];
  states.forEach((state, i) => {
    const ref = refs[i]!;
    const file = ref.item.file;
    if (state.kind === 'ok' || state.kind === 'outside') return;
    const extra = { criterion: ref.criterion, location: locate([...ref.path, 'file']) };
    if (state.kind === 'missing') {
      const to = moved.get(normalisePath(file));
      const message = to
        ? `${file} does not exist: moved to ${to}? That file holds the same content; if so, write its new path in svmc.yaml.`
        : `${file} does not exist: check the path's spelling, or add the file to the folder.`;
      findings.push(finding('EVIDENCE_FILE_MISSING', message, extra));
    } else if (state.kind === 'empty') {
      findings.push(finding('EVIDENCE_FILE_EMPTY', `${file} is empty (0 bytes): replace it with the real document.`, extra));
    } else if (state.kind === 'unreadable') {
      findings.push(finding('EVIDENCE_FILE_UNREADABLE', `${file} ${state.reason}.`, extra));
    }
  });
  return findings;
};
