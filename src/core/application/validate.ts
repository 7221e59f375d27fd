import { DEFAULT_CATALOGUE_ID, registerStageSchemas } from '../catalogue/load.js';
import type { Catalogue } from '../catalogue/types.js';
import { STAGES, isLevel } from '../domain.js';
import { finding, type Finding } from '../findings.js';
import { getAjv, shippedValidator, type ErrorObject } from '../schema/ajv.js';
import type { Locate } from './locate.js';
import { classifyStageError, isCriterionEntry, isCriterionList, missingEvidence } from './stage-errors.js';
import { pathOf, schemaMessage } from './schema-messages.js';

/**
 * Validates parsed svmc.yaml against the application schema and, per stage, the catalogue's
 * stage schemas. Each error becomes a finding located in the user's YAML.
 */
export function validateApplication(data: unknown, locate: Locate, catalogue?: Catalogue): Finding[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [notAMap(data, locate)];
  const prepared = withStages(data as Record<string, unknown>);
  const validate = shippedValidator('application.schema.json');
  validate(prepared);
  const errors = [...(validate.errors ?? [])];
  const ref = prepared.catalogue;
  if (catalogue && ref !== undefined && ref !== DEFAULT_CATALOGUE_ID) errors.push(...stageErrors(prepared, catalogue));
  const findings = errors.flatMap((error) => toFindings(error, locate, prepared, catalogue));
  return dedupe(findings);
}

/** Absent or empty evidence and stages count as `{}`, so every missing criterion is reported. */
function withStages(data: Record<string, unknown>): Record<string, unknown> {
  const evidence = data.evidence ?? {};
  if (typeof evidence !== 'object' || Array.isArray(evidence)) return data;
  const stages: Record<string, unknown> = { ...(evidence as Record<string, unknown>) };
  for (const stage of STAGES) stages[stage] ??= {};
  return { ...data, evidence: stages };
}

/** A catalogue other than the built-in one: its stage schemas are not bound in the application schema. */
function stageErrors(data: Record<string, unknown>, catalogue: Catalogue): ErrorObject[] {
  const level = (data.application as { level?: unknown } | undefined)?.level;
  if (!isLevel(level)) return [];
  const evidence = data.evidence as Record<string, unknown>;
  registerStageSchemas(catalogue);
  return catalogue.stageSchemas
    .filter((s) => s.level === level)
    .flatMap((s) => {
      const validate = getAjv().getSchema(s.key);
      if (!validate || validate(evidence[s.stage])) return [];
      return (validate.errors ?? []).map((e) => ({ ...e, instancePath: `/evidence/${s.stage}${e.instancePath}` }));
    });
}

function toFindings(error: ErrorObject, locate: Locate, data: Record<string, unknown>, catalogue?: Catalogue): Finding[] {
  if (error.keyword === 'if') return [];
  const path = pathOf(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  if (typeof parent['x-svmc-stage'] === 'string') return classifyStageError(error, path, locate, data, catalogue);
  // PRIOR_AWARD_MISSING says this better, with the level the award must be.
  if (error.keyword === 'required' && error.params.missingProperty === 'previousAwards') return [];
  if (isCriterionEntry(path) || isCriterionList(path)) {
    const empty = error.keyword === 'minItems' || (error.keyword === 'type' && error.data === null) || (error.keyword === 'required' && error.params.missingProperty === 'evidence');
    if (empty) return [missingEvidence(String(path[2]), locate(path, { preferKey: true }), catalogue)];
    if (error.keyword === 'type' && isCriterionEntry(path)) {
      const message = `${path.slice(0, 2).join('.')}.${path[2]} must be a list of evidence items, or a map with statement: and evidence:, not ${Array.isArray(error.data) ? 'a list' : JSON.stringify(error.data)}.`;
      return [finding('SCHEMA_VIOLATION', message, { criterion: String(path[2]), location: locate(path) })];
    }
  }
  const location =
    error.keyword === 'additionalProperties'
      ? locate([...path, String(error.params.additionalProperty)], { preferKey: true })
      : locate(path, { preferKey: error.keyword === 'required' });
  const criterion = path[0] === 'evidence' && path.length >= 3 ? String(path[2]) : undefined;
  return [finding('SCHEMA_VIOLATION', schemaMessage(error), { location, ...(criterion ? { criterion } : {}) })];
}

function notAMap(data: unknown, locate: Locate): Finding {
  const location = locate([]);
  const message =
    data === null || data === undefined
      ? 'svmc.yaml is empty: it needs at least svmc, applicant and application (run "svmc init" to start one).'
      : `svmc.yaml must be a map of keys (svmc:, applicant:, application:, ...), not ${Array.isArray(data) ? 'a list' : 'a single value'}.`;
  return finding('SCHEMA_VIOLATION', message, { location });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.message}|${f.location?.line}|${f.location?.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
