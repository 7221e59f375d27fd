import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ajvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { FINDING_CODES } from '../src/core/findings.js';
import { SVMC_REPOSITORY_URL, webAddressOf } from '../src/core/package-root.js';
import { reportRenderer } from '../src/report/index.js';
import { sampleResult } from './report-fixture.js';

const renderSarif = await reportRenderer('sarif');

// A copy of the official OASIS schema (its "id" says where it is published), so the test runs offline.
const SCHEMA_URL = new URL('./schemas/sarif-schema-2.1.0.json', import.meta.url);

// CommonJS module: under NodeNext typing the class is the namespace's `default`.
const AjvDraft04 = ajvDraft04Module.default;
const addFormats = addFormatsModule as unknown as (ajv: InstanceType<typeof AjvDraft04>) => void;

function sarifValidator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: object } }[];
}

const render = (extra: { cwd?: string; strict?: boolean; repositoryRoot?: string; exitCode?: number } = {}) =>
  JSON.parse(renderSarif(sampleResult(), { toolVersion: '1.2.3', ...extra }));

describe('sarif report', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    for (const extra of [{}, { cwd: '/repo', strict: true }, { cwd: '/repo/clients' }, { cwd: '/repo/clients', repositoryRoot: '/repo', exitCode: 1 }]) {
      expect(validate(render(extra)), JSON.stringify(validate.errors, null, 1)).toBe(true);
    }
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
    const broken = render();
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b/c d';
    expect(validate(broken)).toBe(false);
  });

  it('describes every finding code as a rule', () => {
    const { driver } = render().runs[0].tool;
    expect(driver).toMatchObject({ name: 'svmc', version: '1.2.3' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(FINDING_CODES));
    expect(driver.rules[0]).toMatchObject({
      id: 'YAML_SYNTAX',
      shortDescription: { text: FINDING_CODES.YAML_SYNTAX.title },
      fullDescription: { text: expect.stringMatching(/^svmc\.yaml cannot be read as YAML/) },
      help: { text: expect.any(String), markdown: expect.stringContaining(FINDING_CODES.YAML_SYNTAX.help) },
    });
    // Only an address that exists: the repository package.json names, if any; the rules' help is in the log.
    expect(driver.informationUri).toBe(SVMC_REPOSITORY_URL);
    expect(JSON.stringify(driver)).not.toMatch(/helpUri|npmjs|unpkg/);
  });

  it("names svmc's repository as its home only when package.json gives a web address", () => {
    expect(webAddressOf({ type: 'git', url: 'git+https://example.org/svmc/svmc.git' })).toBe('https://example.org/svmc/svmc');
    expect(webAddressOf('https://example.org/svmc')).toBe('https://example.org/svmc');
    expect(webAddressOf('github:svmc/svmc')).toBeUndefined();
    expect(webAddressOf(undefined)).toBeUndefined();
  });

  it('maps findings to results with repo-relative, encoded locations', () => {
    const log = render({ cwd: '/repo' });
    const results: SarifResult[] = log.runs[0].results;
    const rules: { id: string }[] = log.runs[0].tool.driver.rules;
    expect(results).toHaveLength(7);
    for (const r of results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(results.map((r) => r.level)).toEqual(['error', 'error', 'error', 'error', 'warning', 'note', 'error']);
    const uris = results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual([
      'clients/Riverside%20Trust/svmc.yaml',
      'clients/Riverside%20Trust/svmc.yaml',
      'clients/Riverside%20Trust/svmc.yaml',
      'clients/Riverside%20Trust/svmc.yaml',
      'clients/Riverside%20Trust/evidence/Caf%C3%A9%20notes%20100%25,%20v2%3Afinal%0Ab.txt',
      'clients/Riverside%20Trust/evidence/x.txt',
      'M%C3%BCller%20&%20S%C3%B6hne%20%3CgGmbH%3E/svmc.yaml',
    ]);
    expect(results[1]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 14, startColumn: 7 });
    expect(results[3]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 16 });
    expect(results[0]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1 });
    expect(results[4]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1 });
    expect(results[1]?.message.text).toMatch(/^L2\.PL\.1: /);
  });

  it('makes absolute folders relative to cwd, climbing out when they lie outside it', () => {
    const result = sampleResult();
    const [first, second] = result.applications;
    if (!first || !second) throw new Error('fixture changed');
    first.dir = '/repo/clients/Riverside Trust';
    second.dir = './clients/../other';
    const uris = (cwd?: string) =>
      JSON.parse(renderSarif(result, { toolVersion: '1', ...(cwd ? { cwd } : {}) })).runs[0].results.map(
        (r: SarifResult) => r.locations[0]?.physicalLocation.artifactLocation,
      );
    expect(uris('/repo')[1]).toEqual({ uri: 'clients/Riverside%20Trust/svmc.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris('/repo/other')[1]).toEqual({ uri: 'file:///repo/clients/Riverside%20Trust/svmc.yaml' });
    expect(uris('/repo')[6]?.uri).toBe('other/svmc.yaml');
    expect(uris()[1]).toEqual({ uri: '/repo/clients/Riverside%20Trust/svmc.yaml' });
  });

  it('reports warnings as errors with strict', () => {
    const levels = render({ strict: true }).runs[0].results.map((r: SarifResult) => r.level);
    expect(levels).not.toContain('warning');
  });

  it('names paths from the repository root, with the root, the working directory and the exit code in the run', () => {
    const run = render({ cwd: '/repo/clients', repositoryRoot: '/repo', exitCode: 1 }).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1, workingDirectory: { uri: 'file:///repo/clients/' } }]);
    expect(run.results[1].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'clients/clients/Riverside%20Trust/svmc.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('gives each result a fingerprint that is the same on another machine and another run, and differs per finding', () => {
    const fingerprints = (cwd: string, repositoryRoot: string) =>
      render({ cwd, repositoryRoot }).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['svmcFinding/v1']);
    const here = fingerprints('/repo', '/repo');
    expect(fingerprints('/home/ci/work/repo', '/home/ci/work/repo')).toEqual(here);
    expect(new Set(here).size).toBe(here.length);
    for (const value of here) expect(value).toMatch(/^[0-9a-f]{64}$/);
  });
});
