import { field, text } from '../application/evidence-refs.js';
import { ROLES, ROLE_TITLES } from '../domain.js';
import { finding, type Finding } from '../findings.js';
import type { Rule } from './types.js';

const simplify = (value: string | undefined): string | undefined => value?.trim().replace(/\s+/g, ' ').toLowerCase();

/** REPRESENTATIVE_MISSING: both a Lead and a Senior Leader, and two different people. */
export const representatives: Rule = ({ data, locate }) => {
  const findings: Finding[] = [];
  for (const role of ROLES) {
    if (field(data, 'representatives', role) === undefined || field(data, 'representatives', role) === null) {
      findings.push(
        finding('REPRESENTATIVE_MISSING', `No ${ROLE_TITLES[role]}: add representatives.${role} with their name and email.`, {
          location: locate(['representatives', role], { preferKey: true }),
        }),
      );
    }
  }
  if (findings.length > 0) return findings;
  const [lead, senior] = ROLES.map((role) => ({
    name: simplify(text(field(data, 'representatives', role, 'name'))),
    email: simplify(text(field(data, 'representatives', role, 'email'))),
  }));
  const sameEmail = lead?.email !== undefined && lead.email === senior?.email;
  const sameName = lead?.name !== undefined && lead.name === senior?.name;
  const leadKey = text(field(data, 'representatives', 'lead', 'publicKey'))?.trim();
  if (leadKey !== undefined && leadKey === text(field(data, 'representatives', 'senior', 'publicKey'))?.trim()) {
    findings.push(
      finding(
        'REPRESENTATIVE_MISSING',
        `The ${ROLE_TITLES.lead} and the ${ROLE_TITLES.senior} have the same public key registered: each signs with their own key; register the senior leader's own key (svmc keygen --as senior --register).`,
        { location: locate(['representatives', 'senior', 'publicKey']) },
      ),
    );
  }
  if (sameEmail || sameName) {
    const what = sameEmail ? 'email' : 'name';
    findings.push(
      finding(
        'REPRESENTATIVE_MISSING',
        `The ${ROLE_TITLES.lead} and the ${ROLE_TITLES.senior} have the same ${what}: they must be two different people; name a different senior leader.`,
        { location: locate(['representatives', 'senior', what]) },
      ),
    );
  }
  return findings;
};
