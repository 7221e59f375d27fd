import { sizeName } from '../pdf/format.js';
import { criterionEntries, evidenceRefs, text } from '../application/evidence-refs.js';
import type { EvidenceItem } from '../application/types.js';
import type { Criterion } from '../catalogue/types.js';
import { ROLES, ROLE_TITLES, STAGES, STAGE_TITLES, type Role, type Stage } from '../domain.js';
import { finding, type Finding } from '../findings.js';
import type { SignoffSummary, SummaryInput } from '../pdf/types.js';
import { spreadKey } from '../rules/level3-spread.js';

/**
 * The filled criteria-and-evidence form, worked out once from the summary's input, so that the
 * PDF, the Word document and the review page say the same thing.
 */
export interface FormModel {
  prerequisites: { label: string; value: string; path?: boolean; hash?: string; missing: boolean }[];
  representatives: { role: Role; title: string; name: string; jobTitle?: string; email?: string }[];
  stages: { stage: Stage; title: string; criteria: FormCriterion[] }[];
  /** Level 3: where the evidence comes from. */
  spread?: EvidenceSpread;
  /** A draft: everything between it and a submission. */
  blockers?: Finding[];
}

export interface FormCriterion {
  criterion: Criterion;
  met: boolean;
  statement?: string;
  evidence: FormEvidence[];
  findings: Finding[];
}

interface FormEvidence extends EvidenceItem {
  /** SHA-256 from the manifest. */
  sha256?: string;
}

interface EvidenceSpread {
  areas: string[];
  occasions: string[];
  /** `cells[occasion][area]`: the criteria with evidence from that area on that occasion (short ids, e.g. "CC.1"). */
  cells: string[][][];
  /** Items that name no area or no date. */
  unplaced: number;
}

/** The hash of a path as svmc.yaml writes it, from the manifest. */
function hashOf(hashes: Record<string, string>, file: string): string | undefined {
  const path = file.replace(/^\.\//, '');
  return hashes[path] ?? hashes[`data/${path}`];
}

export function formModel(input: SummaryInput): FormModel {
  const { data } = input;
  const statements = new Map(criterionEntries(data).map(({ stage, criterion, entry }) => [`${stage}/${criterion}`, entry.statement]));
  const items = new Map<string, FormEvidence[]>();
  for (const ref of evidenceRefs(data)) {
    const key = `${ref.stage}/${ref.criterion}`;
    const sha256 = hashOf(input.hashes, ref.item.file);
    const list = items.get(key) ?? [];
    if (list.length === 0) items.set(key, list);
    list.push({ ...ref.item, ...(sha256 ? { sha256 } : {}) });
  }
  const stages = STAGES.map((stage) => ({
    stage,
    title: STAGE_TITLES[stage],
    criteria: input.result.criteria
      .filter((state) => state.criterion.stage === stage)
      .map((state): FormCriterion => {
        const key = `${stage}/${state.criterion.id}`;
        const statement = statements.get(key);
        return {
          criterion: state.criterion,
          met: state.met,
          ...(statement === undefined ? {} : { statement }),
          evidence: items.get(key) ?? [],
          findings: input.result.findings.filter((f) => f.criterion === state.criterion.id && f.severity !== 'info'),
        };
      }),
  }));
  const spread = data.application.level === 3 ? evidenceSpread(stages.flatMap((s) => s.criteria)) : undefined;
  const blockers = input.draft ? draftBlockers(input) : undefined;
  return { prerequisites: prerequisites(input), representatives: representatives(input), stages, ...(spread ? { spread } : {}), ...(blockers ? { blockers } : {}) };
}

/** A draft's errors, and the sign-offs it lacks: a draft is packed without checking them, yet a submission needs both. */
function draftBlockers(input: SummaryInput): Finding[] {
  const errors = input.result.findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.code.startsWith('SIGNOFF_'))) return errors;
  const unsigned = ROLES.filter((role) => !input.signoffs.some((s) => s.role === role && s.status === 'verified')).map((role) =>
    finding('SIGNOFF_MISSING', `The ${ROLE_TITLES[role]} has not signed: a draft carries no sign-offs; run \`svmc sign --as ${role}\` once the application is complete`),
  );
  return [...errors, ...unsigned];
}

function prerequisites(input: SummaryInput): FormModel['prerequisites'] {
  const { applicant, application } = input.data;
  const membership = applicant.membership;
  const network = text(membership?.network);
  const number = text(membership?.number);
  const call = text(application.preparationCall);
  const terms = text(application.termsAndConditions);
  const hash = terms === undefined ? undefined : hashOf(input.hashes, terms);
  return [
    { label: 'Membership', value: [network, number].filter(Boolean).join(', ') || 'not recorded', missing: !network || !number },
    { label: 'Membership size', value: membership ? sizeName(membership.size) : 'not recorded', missing: !membership },
    { label: 'Preparation call with the Assurance Manager', value: call ?? 'not recorded', missing: call === undefined },
    { label: 'Signed Terms & Conditions', value: terms ?? 'not recorded', ...(terms ? { path: true } : {}), ...(hash ? { hash } : {}), missing: terms === undefined },
  ];
}

function representatives(input: SummaryInput): FormModel['representatives'] {
  return ROLES.map((role) => {
    const person = input.data.representatives?.[role];
    return {
      role,
      title: ROLE_TITLES[role],
      name: person?.name ?? 'not recorded',
      ...(text(person?.role) ? { jobTitle: person!.role } : {}),
      ...(text(person?.email) ? { email: person!.email } : {}),
    };
  });
}

/** Occasions (dates, in order) by areas (in order of first use), each cell the criteria seen there. */
function evidenceSpread(criteria: FormCriterion[]): EvidenceSpread {
  const areas = new Map<string, string>();
  const occasions = new Map<string, string>();
  const seen: { area: string; occasion: string; id: string }[] = [];
  let unplaced = 0;
  for (const { criterion, evidence } of criteria) {
    for (const item of evidence) {
      const area = text(item.area);
      const date = text(item.date);
      if (area === undefined || date === undefined) {
        unplaced++;
        continue;
      }
      if (!areas.has(spreadKey(area))) areas.set(spreadKey(area), area.trim());
      if (!occasions.has(spreadKey(date))) occasions.set(spreadKey(date), date.trim());
      seen.push({ area: spreadKey(area), occasion: spreadKey(date), id: criterion.id.replace(/^L\d\./, '') });
    }
  }
  const areaKeys = [...areas.keys()];
  const occasionKeys = [...occasions.keys()].sort();
  const cells = occasionKeys.map((occasion) =>
    areaKeys.map((area) => [...new Set(seen.filter((s) => s.area === area && s.occasion === occasion).map((s) => s.id))]),
  );
  return { areas: [...areas.values()], occasions: occasionKeys.map((key) => occasions.get(key)!), cells, unplaced };
}

/** The sign-off of a role as the summary has it, or what to show when it has none. */
export function signoffFor(input: SummaryInput, role: Role): SignoffSummary {
  const found = input.signoffs.find((signoff) => signoff.role === role);
  if (found) return found;
  const representative = input.data.representatives?.[role];
  return { role, name: representative?.name ?? '—', ...(representative?.role ? { jobTitle: representative.role } : {}), status: input.draft ? 'draft' : 'missing' };
}
