import type { Application, ApplicationDocument } from '../application/open.js';
import { keepResult } from '../cache/kept-result.js';
import { isLevel } from '../domain.js';
import { field } from '../application/evidence-refs.js';
import type { Finding } from '../findings.js';
import { RULES, type RuleContext } from '../rules/index.js';
import { Clock } from './clock.js';
import { criterionStates, sortFindings, summarise } from './criteria-state.js';
import type { CheckOutcome } from './check-application.js';
import { judgeSignoffs } from './judge-signoffs.js';
import type { ApplicationResult } from './types.js';

export interface FullCheckOptions {
  now: Date;
  skipSignoffs: boolean;
  asPacked: boolean;
  /** Keep the result for the next check, when what it read allows. */
  keep: boolean;
}

/** Every check on the folder: the document, then each rule and the sign-offs; the result is kept when it may be. */
export async function checkInFull(app: Application, { now, skipSignoffs, asPacked, keep }: FullCheckOptions): Promise<CheckOutcome> {
  const document = await app.document();
  const findings = [...document.findings];
  const { data } = document;
  if (!document.usable || data === undefined) return { result: result(app, document, sortFindings(findings), []), document };

  const clock = new Clock(now);
  const context: RuleContext = {
    data,
    text: document.loaded.text,
    refs: document.refs,
    ...(document.level === undefined ? {} : { level: document.level }),
    renewal: document.renewal,
    ...(document.catalogue ? { catalogue: document.catalogue } : {}),
    clock,
    locate: document.locate,
    files: app.folder,
    schemaValid: document.schemaValid,
    asPacked,
  };
  for (const ruleFindings of await Promise.all(RULES.map((rule) => rule(context)))) findings.push(...ruleFindings);
  // Sign-offs are judged only on an application that follows the schema.
  const signed = skipSignoffs || !document.schemaValid ? undefined : await judgeSignoffs(app, document);
  if (signed) findings.push(...signed.findings);
  await app.folder.saveFacts();
  const sorted = sortFindings(findings);
  const criteria = criterionStates(document.catalogue, document.level, document.refs, sorted);
  const checked = result(app, document, sorted, criteria);
  const inputs = keep && app.key !== undefined ? app.folder.inputs() : undefined;
  if (inputs && app.key !== undefined) {
    const { dir: _, ...kept } = checked;
    await keepResult(app.root, app.key, inputs, { from: now.getTime(), until: clock.changesAt ?? null }, kept);
  }
  return { result: checked, document, ...(signed ? { manifest: signed.manifest, signoffs: signed.verdicts } : {}) };
}

function result(app: Application, document: ApplicationDocument, findings: Finding[], criteria: ApplicationResult['criteria']): ApplicationResult {
  const { data, catalogue, level } = document;
  const organisation = field(data, 'applicant', 'organisation');
  return {
    dir: app.dir,
    ...(isLevel(level) ? { level } : {}),
    ...(document.renewal ? { renewal: true } : {}),
    ...(typeof organisation === 'string' ? { organisation } : {}),
    ...(catalogue ? { catalogue: { id: catalogue.id, version: catalogue.version } } : {}),
    findings,
    criteria,
    summary: summarise(findings, criteria),
  };
}
