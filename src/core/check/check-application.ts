import { realpath, stat } from 'node:fs/promises';
import { evidenceRefs, field } from '../application/evidence-refs.js';
import type { ApplicationData } from '../application/types.js';
import { isLevel } from '../domain.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { FileCache } from '../manifest/file-cache.js';
import { PathResolver } from '../manifest/path-resolver.js';
import { RULES, type RuleContext } from '../rules/index.js';
import { criterionStates, sortFindings, summarise } from './criteria-state.js';
import { FileInspector } from './file-inspector.js';
import { judgeDocument } from './document-findings.js';
import type { ApplicationResult, CheckResult } from './types.js';

export interface CheckOptions {
  /** The clock for award expiry; default: now. */
  now?: Date;
  /** Leave out the sign-off rules (for `pack --draft` and `sign`, which judge them separately). */
  skipSignoffs?: boolean;
}

/**
 * Checks one application folder: YAML, schema, catalogue completeness, then every domain rule.
 * Throws UsageError when the folder or its svmc.yaml is missing; every problem inside is a finding.
 */
export async function checkApplication(dir: string, options: CheckOptions = {}): Promise<ApplicationResult> {
  const { loaded, catalogue, findings: documentFindings, usable } = await judgeDocument(dir);
  const findings = [...documentFindings];
  const { data, locate } = loaded;
  if (!usable || data === undefined) return result(dir, undefined, sortFindings(findings), []);

  const level = field(data, 'application', 'level');
  const refs = evidenceRefs(data);
  const root = await realpath(dir);
  const cache = await FileCache.load(root);
  const context: RuleContext = {
    dir,
    data,
    refs,
    ...(isLevel(level) ? { level } : {}),
    renewal: field(data, 'application', 'renewal') === true,
    ...(catalogue ? { catalogue } : {}),
    now: options.now ?? new Date(),
    locate,
    files: new FileInspector(new PathResolver(root), cache),
    schemaValid: !findings.some((f) => f.severity === 'error' && (f.code === 'SCHEMA_VIOLATION' || f.code === 'YAML_SYNTAX')),
    skipSignoffs: options.skipSignoffs ?? false,
  };
  for (const ruleFindings of await Promise.all(RULES.map((rule) => rule(context)))) findings.push(...ruleFindings);
  await cache.save(root);
  const sorted = sortFindings(findings);
  const criteria = criterionStates(catalogue, context.level, refs, sorted);
  return result(dir, data, sorted, criteria, catalogue && { id: catalogue.id, version: catalogue.version });
}

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

/** Checks many folders into one result. Every folder must exist and hold svmc.yaml, or nothing is checked. */
export async function checkApplications(dirs: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const problems: string[] = [];
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) problems.push(`folder ${dir} does not exist`);
    else if (!info.isDirectory()) problems.push(`${dir} is not a folder`);
    else if (!(await stat(`${dir}/svmc.yaml`).catch(() => undefined))) problems.push(`${dir} has no svmc.yaml (create one with "svmc init ${dir}")`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const applications: ApplicationResult[] = [];
  for (const dir of dirs) applications.push(await checkApplication(dir, options));
  return { applications };
}
