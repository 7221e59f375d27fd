import type { Finding, FindingCode } from '../findings.js';

/**
 * The order an assessor acts in: payload files changed, missing or added; sign-offs that fail;
 * what else makes the pack invalid; warnings; notes. Within a rank, the order found.
 */
const RANKS: FindingCode[][] = [
  ['FILE_CHANGED', 'FILE_MISSING', 'FILE_EXTRA'],
  ['SIGNOFF_INVALID', 'SIGNOFF_MISSING', 'PACK_DRAFT', 'TRUST_KEY_UNUSED'],
  ['SUMMARY_ALTERED', 'BAG_INFO_MISMATCH', 'SUMMARY_MISSING', 'ZIP_UNSAFE', 'ZIP_DAMAGED', 'BAG_INCOMPLETE', 'BAG_INVALID', 'NOT_A_PACK'],
];

const rank = (finding: Finding): number => {
  if (finding.severity === 'warning') return RANKS.length;
  if (finding.severity === 'info') return RANKS.length + 1;
  const at = RANKS.findIndex((codes) => codes.includes(finding.code));
  return at < 0 ? RANKS.length - 1 : at;
};

/** A payload file (under data/) before a tag file within the first rank: the evidence is what an assessor reads. */
const payloadFirst = (finding: Finding): number => (finding.location?.file.startsWith('data/') ? 0 : 1);

export function byImportance(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || payloadFirst(a.finding) - payloadFirst(b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}
