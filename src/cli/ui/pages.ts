import { join } from 'node:path';
import { DETAIL_FIELDS, type DetailField } from '../../core/application/edit-details.js';
import { criterionEntry, field, text } from '../../core/application/evidence-refs.js';
import { loadAssessment } from '../../core/assess/load.js';
import { loadQuestionnaire } from '../../core/assess/questionnaire.js';
import { renderSpiderSvg } from '../../core/assess/svg.js';
import { statusOf } from '../../core/check/status.js';
import { judgeSignoffs } from '../../core/check/judge-signoffs.js';
import { AWARD_VALIDITY_YEARS, ROLE_TITLES, ROLES, STAGE_TITLES, STAGES } from '../../core/domain.js';
import { UsageError } from '../../core/errors.js';
import { quoteFee } from '../../core/fee/index.js';
import type { Finding } from '../../core/findings.js';
import { UI_ASSETS_DIR } from '../../core/package-root.js';
import { renderAssess } from '../../report/ui/assess.js';
import { renderCriteria, type CriterionView, type FindingView } from '../../report/ui/criteria.js';
import { renderDetails } from '../../report/ui/details.js';
import { renderPage, type PagePath } from '../../report/ui/layout.js';
import { renderOverview } from '../../report/ui/overview.js';
import { renderPack, type BuiltPack } from '../../report/ui/pack.js';
import { findingTarget } from '../../report/ui/parts.js';
import type { Html } from '../../report/ui/html.js';
import { criterionTargets } from './finding-targets.js';
import { signoffReviews } from './signoff-review.js';
import { readWorkspace, type Workspace } from './workspace.js';
import { renderSignoff } from '../../report/ui/signoff.js';

export interface PageContext {
  dir: string;
  packs: BuiltPack[];
}

interface Made {
  body: string;
  type: string;
  csp?: string;
}

/** The largest upload accepted: evidence is documents and spreadsheets, rarely past a few megabytes. */
export const UPLOAD_LIMIT_MB = 50;

export const ASSETS: Record<string, { path: string; type: string }> = {
  '/static/app.js': { path: join(UI_ASSETS_DIR, 'app.js'), type: 'text/javascript; charset=utf-8' },
  '/static/app.css': { path: join(UI_ASSETS_DIR, 'app.css'), type: 'text/css; charset=utf-8' },
};

const page = (current: PagePath, workspace: Workspace, body: Html): Made => ({
  type: 'text/html; charset=utf-8',
  body: renderPage({ current, organisation: text(field(workspace.document.data, 'applicant', 'organisation')), base: workspace.base, body }),
});

const plainFinding = (f: Finding): FindingView => ({ severity: f.severity, message: f.message, target: findingTarget(f) });

export const PAGES: Record<string, (context: PageContext) => Promise<Made>> = {
  '/': async ({ dir }) => {
    const workspace = await readWorkspace(dir);
    const data = workspace.data;
    const verdicts = data ? (workspace.signoffs ?? (await judgeSignoffs(workspace.app, workspace.document)).verdicts) : [];
    let fee: ReturnType<typeof quoteFee> | string = 'The fee is worked out once the application details are complete';
    if (data && workspace.document.schemaValid) {
      try {
        fee = quoteFee(data);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        fee = 'The fee is unknown until the size of the organisation is set';
      }
    }
    return page('/', workspace, renderOverview({
      ...(workspace.result.organisation ? { organisation: workspace.result.organisation } : {}),
      ...(field(data, 'applicant', 'scope') === 'programme' && text(field(data, 'applicant', 'programme')) ? { programme: String(field(data, 'applicant', 'programme')) } : {}),
      ...(workspace.result.level ? { level: workspace.result.level } : {}),
      renewal: workspace.result.renewal === true,
      status: statusOf(workspace.result),
      fee,
      signoffs: ROLES.map((role) => ({
        title: ROLE_TITLES[role],
        ...(text(field(data, 'representatives', role, 'name')) ? { name: String(field(data, 'representatives', role, 'name')) } : {}),
        state: verdicts.find((v) => v.role === role)?.state ?? 'missing',
      })),
      ...awardOf(field(data, 'application', 'previousAwards')),
      unreadable: workspace.unreadable,
    }));
  },
  '/criteria': async ({ dir }) => {
    const workspace = await readWorkspace(dir);
    const { document, result } = workspace;
    const targets = criterionTargets(document, result.findings);
    const views = result.criteria.map((state): CriterionView & { stage: string } => {
      const entry = criterionEntry(field(workspace.data, 'evidence', state.criterion.stage, state.criterion.id));
      const items = (entry.items ?? []).filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && typeof (item as { file?: unknown }).file === 'string');
      return {
        stage: state.criterion.stage,
        criterion: state.criterion,
        met: state.met,
        ...(entry.statement ? { statement: entry.statement } : {}),
        items: items.map((item) => ({ file: String(item.file), ...pick(item, ['summary', 'date', 'area', 'locator']) })),
        findings: result.findings.filter((f) => f.criterion === state.criterion.id).map((f) => ({ severity: f.severity, message: f.message, target: targets(f) })),
      };
    });
    return page('/criteria', workspace, renderCriteria({
      base: workspace.base,
      stages: STAGES.map((stage) => ({ title: STAGE_TITLES[stage], criteria: views.filter((v) => v.stage === stage) })).filter((s) => s.criteria.length > 0),
      files: workspace.app.folder.tree('evidence').files,
      uploadLimitMb: UPLOAD_LIMIT_MB,
      unreadable: workspace.unreadable,
    }));
  },
  '/details': async ({ dir }) => {
    const workspace = await readWorkspace(dir, { skipSignoffs: true });
    const { document, result } = workspace;
    const names = Object.keys(DETAIL_FIELDS) as DetailField[];
    const values = Object.fromEntries(names.map((name) => [name, scalarText(field(workspace.data, ...name.split('.')))])) as Record<DetailField, string>;
    const problems: Partial<Record<DetailField | 'awards', string[]>> = {};
    const others: FindingView[] = [];
    const lines = names.map((name) => ({ name, line: document.locate(name.split('.')).line }));
    const awardsLine = document.locate(['application', 'previousAwards']).line;
    for (const f of result.findings) {
      if (f.criterion !== undefined || f.location?.file !== 'svmc.yaml' || f.code.startsWith('SIGNOFF_')) continue;
      const owner = f.code.startsWith('PRIOR_AWARD') || (f.location.line !== undefined && f.location.line === awardsLine) ? 'awards' : lines.find((l) => l.line === f.location?.line)?.name;
      if (owner) (problems[owner] ??= []).push(owner === 'awards' ? f.message : nextToField(owner, f.message));
      else others.push(plainFinding(f));
    }
    const listed = field(workspace.data, 'application', 'previousAwards');
    const awards = (Array.isArray(listed) ? listed : []).map((award: unknown) => ({
      level: scalarText(field(award, 'level')),
      awarded: scalarText(field(award, 'awarded')),
      reference: scalarText(field(award, 'reference')),
    }));
    return page('/details', workspace, renderDetails({ base: workspace.base, values, awards, problems, others, files: workspace.app.folder.tree('evidence').files, unreadable: workspace.unreadable }));
  },
  '/assess': async ({ dir }) => {
    const workspace = await readWorkspace(dir, { skipSignoffs: true });
    const questionnaire = loadQuestionnaire();
    let loaded: Awaited<ReturnType<typeof loadAssessment>>;
    let problem: string | undefined;
    try {
      loaded = await loadAssessment(workspace.app.root);
    } catch (error) {
      problem = `The self-assessment in the folder cannot be read (${(error as Error).message}); answering the questions again replaces it.`;
    }
    return page('/assess', workspace, renderAssess({ base: workspace.base, questionnaire, ...(loaded ? { result: loaded.result } : {}), ...(problem ? { problem } : {}) }));
  },
  '/chart.svg': async ({ dir }) => {
    const loaded = await loadAssessment(dir).catch(() => undefined);
    const questionnaire = loadQuestionnaire();
    // The chart carries its own style sheet; as an image it can run nothing.
    return { type: 'image/svg+xml', csp: "default-src 'none'; style-src 'unsafe-inline'", body: loaded ? renderSpiderSvg(loaded.result, questionnaire.principles) : '<svg xmlns="http://www.w3.org/2000/svg"/>' };
  },
  '/signoff': async ({ dir }) => {
    const workspace = await readWorkspace(dir, { skipSignoffs: true });
    const { reviews, blocking } = await signoffReviews(workspace);
    return page('/signoff', workspace, renderSignoff({ base: workspace.base, reviews, blocking: blocking.map(plainFinding), unreadable: workspace.unreadable }));
  },
  '/pack': async ({ dir, packs }) => {
    const workspace = await readWorkspace(dir, { skipSignoffs: true });
    return page('/pack', workspace, renderPack({ base: workspace.base, built: packs }));
  },
};

/** A message shown beside its field says "this" where check names the field's place in svmc.yaml. */
function nextToField(name: string, message: string): string {
  return message.startsWith(`${name} `) ? `This ${message.slice(name.length + 1)}` : message.replace(` under ${name}`, ' here');
}

function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function pick(item: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (scalarText(item[key]) === '' ? [] : [[key, scalarText(item[key])]])));
}

/** The newest award recorded, with its expiry. */
function awardOf(awards: unknown): { award?: { level: number; awarded: string; reference?: string; expiry: string; expired: boolean } } {
  if (!Array.isArray(awards)) return {};
  const dated = awards
    .map((award: unknown) => ({ level: Number(field(award, 'level')), awarded: scalarText(field(award, 'awarded')), reference: scalarText(field(award, 'reference')) }))
    .filter((award) => /^\d{4}-\d{2}-\d{2}$/.test(award.awarded))
    .sort((a, b) => b.awarded.localeCompare(a.awarded));
  const newest = dated[0];
  if (!newest) return {};
  const expiry = new Date(`${newest.awarded}T00:00:00Z`);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + AWARD_VALIDITY_YEARS);
  const day = expiry.toISOString().slice(0, 10);
  return { award: { level: newest.level, awarded: newest.awarded, ...(newest.reference ? { reference: newest.reference } : {}), expiry: day, expired: expiry.getTime() < Date.now() } };
}
