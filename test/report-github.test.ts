import { describe, expect, it } from 'vitest';
import { finding } from '../src/core/findings.js';
import { ANNOTATION_CAP, escapeData, escapeProperty } from '../src/report/github.js';
import { reportRenderer, renderStepSummary } from '../src/report/index.js';
import { application, criteriaFor, ODD_FILE, sampleResult } from './report-fixture.js';

const renderGithub = await reportRenderer('github');

const render = (extra: { strict?: boolean; cwd?: string } = {}) =>
  renderGithub(sampleResult(), { toolVersion: '1', ...extra });

/** Undoes GitHub's escaping, as the runner does. */
const unescapeData = (value: string) =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function parseCommand(line: string) {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), unescapeData(pair.slice(pair.indexOf('=') + 1))]),
  );
  return { command: match[1], properties, message: unescapeData(match[3] ?? '') };
}

describe('github annotations', () => {
  it('escapes data and properties exactly as the runner expects', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
  });

  it('writes one command per finding, errors first, then a plain summary line', () => {
    const lines = render({ cwd: '/work' }).trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    const commands = lines.slice(0, 7).map(parseCommand);
    expect(commands.map((c) => c.command)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'notice']);
    expect(commands[1]).toEqual({
      command: 'error',
      properties: { file: 'clients/Riverside Trust/svmc.yaml', line: '14', col: '7', title: 'EVIDENCE_FILE_MISSING' },
      message: 'L2.PL.1: evidence/plan/Stakeholder map, 100% "final".pdf does not exist.',
    });
    expect(commands[0]?.properties).toEqual({ title: 'SIGNOFF_MISSING' });
    expect(commands[0]?.message).toMatch(/^clients\/Riverside Trust: /);
    expect(commands[2]?.message).toContain('\nMap a file.');
    expect(commands[3]?.properties).toEqual({ file: 'clients/Riverside Trust/svmc.yaml', line: '16', title: 'UNKNOWN_CRITERION' });
    expect(commands[4]?.properties.file).toBe('Müller & Söhne <gGmbH>/svmc.yaml');
    expect(commands[5]?.properties.file).toBe(`clients/Riverside Trust/${ODD_FILE}`);
    expect(lines[7]).toMatch(/^svmc: 3 applications checked, 5 errors, 1 warning$/);
  });

  it('turns warnings into errors with strict', () => {
    const commands = render({ strict: true }).trimEnd().split('\n').slice(0, 7).map(parseCommand);
    expect(commands.map((c) => c.command)).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'notice']);
  });

  it('caps the annotations and says how many more there are', () => {
    const findings = Array.from({ length: 120 }, (_, i) =>
      finding(i % 2 ? 'EVIDENCE_UNMAPPED' : 'EVIDENCE_FILE_MISSING', `problem ${i}`, { location: { file: `f${i}` } }),
    );
    const app = application('big', 1, findings, criteriaFor(1));
    const lines = renderGithub({ applications: [app] }, { toolVersion: '1' }).trimEnd().split('\n');
    expect(lines).toHaveLength(ANNOTATION_CAP + 2);
    const annotations = lines.slice(0, ANNOTATION_CAP).map(parseCommand);
    expect(annotations.every((c) => c.command === 'error')).toBe(true);
    const overflow = parseCommand(lines[ANNOTATION_CAP] as string);
    expect(overflow.command).toBe('warning');
    expect(overflow.message).toMatch(/\b70 more findings\b/);
    expect(overflow.message).toContain('svmc check');
    expect(lines.at(-1)).toBe('svmc: 1 application checked, 60 errors, 60 warnings');
  });
});

describe('step summary', () => {
  it('has a stage table and the problems per application, with user text escaped', async () => {
    const md = await renderStepSummary(sampleResult());
    expect(md).toContain('### clients/Riverside Trust · level 2 Implement');
    expect(md).toContain('| Plan | 1 | 2 | ❌ |');
    expect(md).toContain('| Revise | 2 | 2 | ✅ |');
    expect(md).toContain('| **Total** | **8** | **10** | ❌ |');
    expect(md).toContain('### Müller &amp; Söhne \\<gGmbH\\>');
    expect(md).toContain('- svmc.yaml:30:5 `CRITERION_MISSING_EVIDENCE` L2.DO.2 needs evidence \\<of implementation\\> &amp; a date. Map a file.');
    expect(md).toContain('**Warnings**');
    const acme = md.slice(md.indexOf('### clients/acme'));
    expect(acme).toContain('| **Total** | **10** | **10** | ✅ |');
    expect(acme).not.toContain('**Errors**');
    expect(await renderStepSummary(sampleResult(), { strict: true })).not.toContain('**Warnings**');
  });
});
