import type { ApplicationResult, CheckResult } from './types.js';
import type { Finding, FindingCode } from '../findings.js';

/**
 * The sign-offs that are still to come while the evidence is being gathered. An invalid signature
 * is not among them: it names a wrong key or a changed sign-off file, which waiting does not mend.
 */
const SIGNOFFS_TO_COME: ReadonlySet<FindingCode> = new Set(['SIGNOFF_MISSING', 'SIGNOFF_STALE']);

/** The result as `--preparing` sees it: a sign-off not yet given, or given before the last edit, is a note. */
export function applyPreparing(result: CheckResult): CheckResult {
  return { applications: result.applications.map(preparingApplication) };
}

function preparingApplication(app: ApplicationResult): ApplicationResult {
  const demoted = app.findings.filter((f) => SIGNOFFS_TO_COME.has(f.code));
  const findings = app.findings.map((f): Finding => (SIGNOFFS_TO_COME.has(f.code) ? { ...f, severity: 'info' } : f));
  const less = (severity: Finding['severity']) => demoted.filter((f) => f.severity === severity).length;
  const { summary } = app;
  return { ...app, findings, summary: { ...summary, errors: summary.errors - less('error'), warnings: summary.warnings - less('warning') } };
}
