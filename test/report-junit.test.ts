import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { reportRenderer } from '../src/report/index.js';
import { application, criteriaFor, sampleResult } from './report-fixture.js';
import { finding } from '../src/core/findings.js';
import { escapeAttribute, escapeText } from '../src/report/xml.js';

const renderJunit = await reportRenderer('junit');

interface Case {
  classname: string;
  name: string;
  failure?: { '#text': string; message: string; type: string };
  skipped?: { message: string };
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase: Case[];
}

function parse(xml: string): { testsuites: { tests: string; failures: string; skipped?: string; testsuite: Suite[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
    parseAttributeValue: false,
    htmlEntities: true,
  });
  return parser.parse(xml);
}

const render = (strict = false) => renderJunit(sampleResult(), { toolVersion: '1', strict });

describe('junit report', () => {
  it('has a suite per application and stage with a case per criterion', () => {
    const { testsuites } = parse(render());
    const names = testsuites.testsuite.map((s) => s.name);
    expect(names).toEqual([
      'clients/Riverside Trust · Creating Capacity',
      'clients/Riverside Trust · Plan',
      'clients/Riverside Trust · Do',
      'clients/Riverside Trust · Assess',
      'clients/Riverside Trust · Revise',
      'clients/Riverside Trust · Application',
      'Müller & Söhne <gGmbH> · Application',
      'clients/acme · Creating Capacity',
      'clients/acme · Plan',
      'clients/acme · Do',
      'clients/acme · Assess',
      'clients/acme · Revise',
    ]);
    const plan = testsuites.testsuite[1] as Suite;
    expect(plan.testcase.map((c) => [c.classname, c.name])).toEqual([
      ['clients/Riverside Trust · Plan', 'L2.PL.1 plan – first criterion'],
      ['clients/Riverside Trust · Plan', 'L2.PL.2 plan & second <criterion>'],
    ]);
    const revise = testsuites.testsuite[4] as Suite;
    expect(revise.testcase.map((c) => c.name)).toEqual([
      'L2.RV.1 revise – first criterion',
      'L2.RV.2 revise & second <criterion>',
      'L2.RV.3 Optional "extra" learning',
    ]);
    expect(revise.testcase[2]?.skipped?.message).toBe('optional criterion with no evidence');
  });

  it('counts tests, failures and skips right at every level', () => {
    const { testsuites } = parse(render());
    for (const suite of testsuites.testsuite) {
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite.skipped)).toBe(suite.testcase.filter((c) => c.skipped).length);
    }
    const all = testsuites.testsuite.flatMap((s) => s.testcase);
    expect(Number(testsuites.tests)).toBe(all.length);
    expect(all.length).toBe(11 + 3 + 1 + 11);
    expect(Number(testsuites.failures)).toBe(all.filter((c) => c.failure).length);
    expect(all.filter((c) => c.failure).map((c) => c.name.split(' ')[0])).toEqual([
      'L2.PL.1',
      'L2.DO.2',
      'SIGNOFF_MISSING',
      'UNKNOWN_CRITERION',
      'YAML_SYNTAX',
    ]);
  });

  it('puts findings tied to no known criterion in an application suite, one case per code', () => {
    const { testsuites } = parse(render());
    const general = testsuites.testsuite[5] as Suite;
    expect(general.testcase.map((c) => c.name.split(' ')[0])).toEqual([
      'SIGNOFF_MISSING',
      'UNKNOWN_CRITERION',
      'EVIDENCE_UNMAPPED',
    ]);
    const unmapped = general.testcase[2] as Case;
    expect(unmapped.failure).toBeUndefined();
    expect(unmapped['system-out']).toContain('warning EVIDENCE_UNMAPPED');
    expect(unmapped['system-out']).toContain('info EVIDENCE_UNMAPPED');
    const strict = parse(render(true)).testsuites.testsuite[5] as Suite;
    expect(strict.testcase[2]?.failure?.type).toBe('EVIDENCE_UNMAPPED');
  });

  it('escapes markup and strips characters XML cannot hold', () => {
    const xml = render();
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const { testsuites } = parse(xml);
    const doSuite = testsuites.testsuite[2] as Suite;
    const failure = doSuite.testcase[1]?.failure;
    expect(failure?.type).toBe('CRITERION_MISSING_EVIDENCE');
    expect(failure?.message).toBe('L2.DO.2 needs evidence <of implementation> & a date.\nMap a file.');
    expect(failure?.['#text']).toContain('clients/Riverside Trust/svmc.yaml:30:5');
    const unmapped = (testsuites.testsuite[5] as Suite).testcase[2]?.['system-out'];
    expect(unmapped).toContain('mapped to nothing: map it');
  });

  it('escapes attributes and text, dropping lone surrogates and control characters', () => {
    expect(escapeAttribute('a&b<c>"d\'\te\nf\rg\u0000h\uD800i😀')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;&#9;e&#10;f&#13;gh' + 'i😀');
    expect(escapeText('x\u001Fy]]>\r\n\uDC00z')).toBe('xy]]&gt;&#13;\nz');
  });

  it('joins several errors on one criterion into one failure', () => {
    const app = application(
      'x',
      1,
      [
        finding('EVIDENCE_FILE_MISSING', 'a.pdf is missing', { criterion: 'L1.CC.1' }),
        finding('EVIDENCE_FILE_EMPTY', 'b.pdf is empty', { criterion: 'L1.CC.1' }),
      ],
      criteriaFor(1, ['L1.CC.1']),
    );
    const { testsuites } = parse(renderJunit({ applications: [app] }, { toolVersion: '1' }));
    const failure = testsuites.testsuite[0]?.testcase[0]?.failure;
    expect(failure?.type).toBe('EVIDENCE_FILE_MISSING EVIDENCE_FILE_EMPTY');
    expect(failure?.message).toBe('a.pdf is missing (and 1 more)');
    expect(failure?.['#text'].split('\n')).toHaveLength(2);
    expect(testsuites.failures).toBe('1');
  });

  it('keeps the same criterion in two folders apart: the folder is in every class name', () => {
    const twins = ['clients/a', 'clients/b'].map((dir) => application(dir, 1, [], criteriaFor(1)));
    const { testsuites } = parse(renderJunit({ applications: twins }, { toolVersion: '1' }));
    const keys = testsuites.testsuite.flatMap((s) => s.testcase.map((c) => `${c.classname}\u0000${c.name}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(testsuites.testsuite[0]?.testcase[0]?.classname).toBe('clients/a · Creating Capacity');
  });

  it('puts no skipped count on <testsuites>, which junit-10.xsd does not allow', () => {
    expect(parse(render()).testsuites.skipped).toBeUndefined();
  });

  it.skipIf(!toolAvailable('xmllint'))('is valid against the constraints of the xUnit plugin\'s junit-10.xsd', () => {
    const dir = tempDir();
    const reports = { sample: render(), strict: render(true), empty: renderJunit({ applications: [] }, { toolVersion: '1' }) };
    for (const [name, xml] of Object.entries(reports)) {
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, xml);
      const run = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'test/schemas/junit-10-constraints.xsd'), file], { encoding: 'utf8' });
      expect(run.stderr).toContain('validates');
      expect(run.status).toBe(0);
    }
  });
});
