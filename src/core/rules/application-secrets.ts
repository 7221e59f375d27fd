import { locateSecret } from '../application/secrets.js';
import { finding } from '../findings.js';
import type { Rule } from './types.js';

/** EVIDENCE_SECRET in svmc.yaml itself, comments included: it goes into every pack. */
export const applicationSecrets: Rule = ({ text }) => {
  const secret = locateSecret(text);
  if (!secret) return [];
  const before = text.slice(0, secret.index);
  const line = before.split('\n').length;
  const col = secret.index - before.lastIndexOf('\n');
  const message = `svmc.yaml holds ${secret.name} (at line ${line}): take it out (comments too, as svmc.yaml goes into every pack), and replace the key, as it may have been shared.`;
  return [finding('EVIDENCE_SECRET', message, { location: { file: 'svmc.yaml', line, col } })];
};
