import type { ApplicationData, EvidenceItem } from '../src/core/application/types.js';
import type { Criterion } from '../src/core/catalogue/types.js';
import type { CriterionState } from '../src/core/check/types.js';
import { STAGES, STAGE_CODES, STAGE_TITLES } from '../src/core/domain.js';
import type { SummaryInput } from '../src/core/pdf/types.js';

export const ORGANISATION = 'Zoë’s Café — Łódź Αθήνα Москва';
export const PROGRAMME = '青山社会価値プログラム';
const LONG_SUMMARY = Array.from(
  { length: 60 },
  (_, index) => `Sentence ${index + 1} of the board minutes records how the social value data changed a decision in the ${index % 2 ? 'housing' : 'employment'} area.`,
)
  .join(' ')
  .slice(0, 5000);

const AREAS = ['Housing', 'Employment support', 'Procurement', 'Board'];

function criterion(stage: (typeof STAGES)[number], n: number): Criterion {
  return {
    id: `L3.${STAGE_CODES[stage]}.${n}`,
    level: 3,
    stage,
    title: n === 2 ? `${STAGE_TITLES[stage]}: decisions in more than one area of the organisation, taken on more than one occasion` : `${STAGE_TITLES[stage]} criterion ${n}`,
    description: `What the assessor looks for under ${STAGE_TITLES[stage]} (${n}): evidence from more than one area of the organisation and from more than one occasion, with the learning and the changes made.`,
    evidence: ['Board minutes', 'Decision log'],
    basis: ['Principle 7'],
    required: true,
  };
}

function item(stage: string, index: number, summary?: string): EvidenceItem {
  return {
    file: `evidence/${stage}/${String(index).padStart(3, '0')}-board-minutes-and-decision-log.pdf`,
    summary: summary ?? `Minutes of meeting ${index}: the committee reviewed outcome data and agreed a change.`,
    date: `2024-${String((index % 12) + 1).padStart(2, '0')}-15`,
    area: AREAS[index % AREAS.length] ?? 'Board',
  };
}

export interface InputOptions {
  /** Evidence items in all; spread over the met criteria. Default 66. */
  items?: number;
  draft?: boolean;
  organisation?: string;
  withAssessment?: boolean;
}

/** A level-3 application: Unicode name, CJK programme, 15 criteria (2 missing), a 5,000-character summary. */
export function summaryInput(options: InputOptions = {}): SummaryInput {
  const total = options.items ?? 66;
  const criteria: CriterionState[] = [];
  for (const stage of STAGES) for (let n = 1; n <= 3; n++) criteria.push({ criterion: criterion(stage, n), evidenceCount: 0, met: false });
  const open = criteria.filter((state) => !['L3.DO.3', 'L3.RV.2'].includes(state.criterion.id));
  const evidence: Record<string, Record<string, EvidenceItem[]>> = {};
  const hashes: Record<string, string> = {};
  for (let index = 0; index < total; index++) {
    const state = open[index % open.length];
    if (!state) continue;
    const { stage, id } = state.criterion;
    const items = ((evidence[stage] ??= {})[id] ??= []);
    const added = item(stage, index, index === 0 ? LONG_SUMMARY : undefined);
    hashes[added.file] = `${(criteria.indexOf(state) * 1000 + items.length).toString(16).padStart(8, '0')}${'ab'.repeat(28)}`;
    items.push(added);
    state.evidenceCount += 1;
    state.met = true;
  }
  const data: ApplicationData = {
    svmc: 1,
    applicant: {
      organisation: options.organisation ?? ORGANISATION,
      scope: 'programme',
      programme: PROGRAMME,
      membership: { network: 'Social Value UK', number: 'SVUK-10234', size: 'very-large' },
    },
    application: {
      level: 3,
      previousAwards: [
        { level: 1, awarded: '2021-05-10', reference: 'SVMC-L1-0042' },
        { level: 2, awarded: '2023-06-01', reference: 'SVMC-L2-0107' },
      ],
    },
    representatives: {
      lead: { name: 'Agnieszka Wróblewska', email: 'lead@example.org', role: 'Head of Impact' },
      senior: { name: 'Dmitri Ivanov', email: 'senior@example.org', role: 'Chief Executive' },
    },
    evidence,
  };
  const met = criteria.filter((state) => state.met).length;
  return {
    data,
    result: {
      dir: 'app',
      level: 3,
      organisation: data.applicant.organisation,
      catalogue: { id: 'svmc-derived-2020.2', version: '2020.2-derived.1' },
      findings: [],
      criteria,
      summary: { errors: 2, warnings: 0, criteria: { required: criteria.length, met } },
    },
    fee: { currency: 'GBP', size: 'very-large', level: 3, renewal: false, netPence: 125000, discountPence: 0, vatRate: 0.2, vatPence: 25000, grossPence: 150000 },
    signoffs: [
      { role: 'lead', name: 'Agnieszka Wróblewska', jobTitle: 'Head of Impact', keyId: '1A2B3C4D5E6F7081', signedAt: '2025-02-27T10:15:00Z', status: 'verified' },
      { role: 'senior', name: 'Dmitri Ivanov', jobTitle: 'Chief Executive', keyId: '99AABBCCDDEEFF00', signedAt: '2025-02-28T16:40:00Z', status: 'stale' },
    ],
    hashes,
    packId: 'svmc-l3-20250301-zoes-cafe',
    date: new Date('2025-03-01T09:00:00Z'),
    draft: options.draft ?? false,
    ...(options.withAssessment
      ? {
          assessment: {
            result: { date: '2025-01-10', answers: {}, scores: { p1: 75, p2: 50, p3: 100, p4: 25, p5: 60, p6: 80, p7: 40 }, total: 98, max: 140, ready: true },
            principles: ['Involve stakeholders', 'Understand what changes', 'Value the things that matter', 'Only include what is material', 'Do not over-claim', 'Be transparent', 'Verify the result'].map(
              (title, index) => ({ id: `p${index + 1}`, number: index + 1, title }),
            ),
          },
        }
      : {}),
  };
}
