import type { CheckResult, ApplicationResult } from '../core/check/types.js';
import type { Finding } from '../core/findings.js';

/** The result as `--strict` sees it: every warning becomes an error, and the counts follow. */
export function applyStrict(result: CheckResult): CheckResult {
  return { applications: result.applications.map(strictApplication) };
}

function strictApplication(app: ApplicationResult): ApplicationResult {
  const promoted = new Set<string>();
  const findings = app.findings.map((f): Finding => {
    if (f.severity !== 'warning') return f;
    if (f.criterion !== undefined) promoted.add(f.criterion);
    return { ...f, severity: 'error' };
  });
  let lost = 0;
  const criteria = app.criteria.map((state) => {
    if (!state.met || !promoted.has(state.criterion.id)) return state;
    if (state.criterion.required) lost += 1;
    return { ...state, met: false };
  });
  const { summary } = app;
  return {
    ...app,
    findings,
    criteria,
    summary: {
      errors: summary.errors + summary.warnings,
      warnings: 0,
      criteria: { required: summary.criteria.required, met: summary.criteria.met - lost },
    },
  };
}
