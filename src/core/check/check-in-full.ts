import { evidenceRefs, field } from '../application/evidence-refs.js';
import type { ApplicationData } from '../application/types.js';
import { isLevel, ROLES } from '../domain.js';
import type { Finding } from '../findings.js';
import { FileCache } from '../manifest/file-cache.js';
import { PathResolver } from '../manifest/path-resolver.js';
import { referencedFiles } from '../manifest/referenced-files.js';
import { RULES, type RuleContext } from '../rules/index.js';
import { nextDateReached } from '../rules/dates-in-future.js';
import { awardExpiry } from '../rules/prior-award-expired.js';
import { signaturePath, signedManifestPath } from '../signing/signoff-files.js';
import { criterionStates, sortFindings, summarise } from './criteria-state.js';
import { judgeDocument } from './document-findings.js';
import { FileInspector } from './file-inspector.js';
import type { ReadDocument } from './read-document.js';
import { keepResult, watch, watchedStats } from './result-cache.js';
import type { ApplicationResult } from './types.js';

export interface FullCheckOptions {
  /** The folder's real path. */
  root: string;
  /** svmc.yaml's key (see readDocument) when the result may be kept for the next check. */
  key: string | undefined;
  now: Date;
  skipSignoffs: boolean;
}

/** Every check on the folder: the document, then each rule; the result is kept when it may be. */
export async function checkInFull(dir: string, document: ReadDocument, { root, key, now, skipSignoffs }: FullCheckOptions): Promise<ApplicationResult> {
  const { loaded, catalogue, findings: documentFindings, usable } = await judgeDocument(dir, document);
  const findings = [...documentFindings];
  const { data, locate } = loaded;
  if (!usable || data === undefined) return result(dir, undefined, sortFindings(findings), []);

  const level = field(data, 'application', 'level');
  const refs = evidenceRefs(data);
  const paths = referencedFiles(data);
  // A catalogue of the user's own may change without svmc.yaml changing: such a result is not kept.
  const watched = key !== undefined && catalogue?.builtIn ? watch(root, paths, SIGNOFF_FILES) : undefined;
  const resolver = new PathResolver(root);
  if (watched) resolver.prime(paths, (index) => watchedStats(watched, index));
  const cache = await FileCache.load(root);
  const context: RuleContext = {
    dir,
    data,
    text: loaded.text,
    refs,
    ...(isLevel(level) ? { level } : {}),
    renewal: field(data, 'application', 'renewal') === true,
    ...(catalogue ? { catalogue } : {}),
    now,
    locate,
    files: new FileInspector(resolver, cache),
    schemaValid: !findings.some((f) => f.severity === 'error' && (f.code === 'SCHEMA_VIOLATION' || f.code === 'YAML_SYNTAX')),
    skipSignoffs,
  };
  for (const ruleFindings of await Promise.all(RULES.map((rule) => rule(context)))) findings.push(...ruleFindings);
  await cache.save(root);
  const sorted = sortFindings(findings);
  const criteria = criterionStates(catalogue, context.level, refs, sorted);
  const checked = result(dir, data, sorted, criteria, catalogue && { id: catalogue.id, version: catalogue.version });
  if (watched && key !== undefined) {
    // PRIOR_AWARD_EXPIRED appears once `now` is past the expiry (one that already did stays), DATE_IN_FUTURE goes once its day comes.
    const expiry = awardExpiry(context)?.getTime();
    const changes = [expiry !== undefined && expiry >= now.getTime() ? expiry + 1 : undefined, nextDateReached(context)];
    const times = changes.filter((time): time is number => time !== undefined);
    const until = times.length === 0 ? null : Math.min(...times);
    const { dir: _, ...keep } = checked;
    await keepResult(root, key, watched, { from: now.getTime(), until }, keep);
  }
  return checked;
}

/** The files of both sign-offs, which the signature rules read. */
const SIGNOFF_FILES = ROLES.flatMap((role) => [signaturePath(role), signedManifestPath(role)]);

function result(
  dir: string,
  data: ApplicationData | undefined,
  findings: Finding[],
  criteria: ApplicationResult['criteria'],
  catalogue?: ApplicationResult['catalogue'],
): ApplicationResult {
  const level = field(data, 'application', 'level');
  const organisation = field(data, 'applicant', 'organisation');
  return {
    dir,
    ...(isLevel(level) ? { level } : {}),
    ...(field(data, 'application', 'renewal') === true ? { renewal: true } : {}),
    ...(typeof organisation === 'string' ? { organisation } : {}),
    ...(catalogue ? { catalogue } : {}),
    findings,
    criteria,
    summary: summarise(findings, criteria),
  };
}
