import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { STAGES, STAGE_TITLES } from '../core/domain.js';
import { FINDING_CODES, type Finding, type FindingCode } from '../core/findings.js';
import { formatLocation } from './paths.js';
import type { ReportOptions } from './types.js';
import { escapeText, startTag } from './xml.js';

interface TestCase {
  classname: string;
  name: string;
  failures: Finding[];
  others: Finding[];
  skipped?: string;
}

interface TestSuite {
  name: string;
  dir: string;
  cases: TestCase[];
}

/** JUnit XML: a suite per application and stage with a case per criterion, plus application-wide findings. */
export function renderJunit(result: CheckResult, options: ReportOptions): string {
  const suites = result.applications.flatMap((app) => applicationSuites(app));
  const cases = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10.xsd allows no `skipped` on <testsuites>: only the suites count their skips.
    startTag('testsuites', { name: 'svmc', ...counts(cases, false) }),
  ];
  for (const suite of suites) {
    lines.push(`  ${startTag('testsuite', { name: suite.name, ...counts(suite.cases) })}`);
    for (const testCase of suite.cases) lines.push(...renderCase(testCase, suite.dir, options));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function applicationSuites(app: ApplicationResult): TestSuite[] {
  const suites: TestSuite[] = [];
  const known = new Set(app.criteria.map((c) => c.criterion.id));
  for (const stage of STAGES) {
    const criteria = app.criteria.filter((c) => c.criterion.stage === stage);
    if (criteria.length === 0) continue;
    const suite = `${app.dir} · ${STAGE_TITLES[stage]}`;
    const cases = criteria.map(({ criterion, evidenceCount, met }): TestCase => {
      const related = app.findings.filter((f) => f.criterion === criterion.id);
      const failures = related.filter((f) => f.severity === 'error');
      const unused = !criterion.required && !met && evidenceCount === 0 && failures.length === 0;
      return {
        // The folder is in the class name, so one criterion in two clients' folders stays two cases.
        classname: suite,
        name: `${criterion.id} ${criterion.title}`,
        failures,
        others: related.filter((f) => f.severity !== 'error'),
        ...(unused ? { skipped: 'optional criterion with no evidence' } : {}),
      };
    });
    suites.push({ name: suite, dir: app.dir, cases });
  }
  const general = app.findings.filter((f) => f.criterion === undefined || !known.has(f.criterion));
  if (general.length > 0) {
    const codes = [...new Set(general.map((f) => f.code))];
    const name = `${app.dir} · Application`;
    suites.push({ name, dir: app.dir, cases: codes.map((code) => generalCase(name, code, general)) });
  }
  return suites;
}

function generalCase(classname: string, code: FindingCode, general: Finding[]): TestCase {
  const own = general.filter((f) => f.code === code);
  return {
    classname,
    name: `${code} ${FINDING_CODES[code].title}`,
    failures: own.filter((f) => f.severity === 'error'),
    others: own.filter((f) => f.severity !== 'error'),
  };
}

function renderCase(testCase: TestCase, dir: string, options: ReportOptions): string[] {
  const { classname, name, failures, others, skipped } = testCase;
  const empty = failures.length === 0 && others.length === 0 && skipped === undefined;
  const lines = [`    ${startTag('testcase', { classname, name }, empty)}`];
  if (empty) return lines;
  if (skipped) lines.push(`      ${startTag('skipped', { message: skipped }, true)}`);
  if (failures.length > 0) {
    const first = failures[0] as Finding;
    const message = failures.length === 1 ? first.message : `${first.message} (and ${failures.length - 1} more)`;
    const type = [...new Set(failures.map((f) => f.code))].join(' ');
    lines.push(`      ${startTag('failure', { message, type })}${details(failures, dir, options)}</failure>`);
  }
  if (others.length > 0) lines.push(`      <system-out>${details(others, dir, options)}</system-out>`);
  lines.push('    </testcase>');
  return lines;
}

function details(findings: Finding[], dir: string, options: ReportOptions): string {
  const text = findings.map((f) => {
    const where = f.location && formatLocation(dir, f.location, options.cwd);
    return [f.severity, f.code, where, f.message].filter(Boolean).join(' ');
  });
  return escapeText(text.join('\n'));
}

function counts(cases: TestCase[], withSkipped = true): Record<string, number> {
  const all = { tests: cases.length, failures: cases.filter((c) => c.failures.length > 0).length, errors: 0 };
  return withSkipped ? { ...all, skipped: cases.filter((c) => c.skipped !== undefined).length } : all;
}
