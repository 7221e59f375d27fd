import { describe, expect, it } from 'vitest';
import { finding } from '../src/core/findings.js';
import { ANNOTATIONS_PER_LEVEL, escapeData, escapeProperty } from '../src/report/github.js';
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

  it('keeps to GitHub\'s 10 annotations per level, errors first, with one notice counting the rest', () => {
    const levels = ['error', 'warning', 'info'] as const;
    const findings = Array.from({ length: 120 }, (_, i) =>
      finding('EVIDENCE_UNMAPPED', `problem ${i}`, { location: { file: `f${i}` }, severity: levels[i % 3] }),
    );
    const app = application('big', 1, findings, criteriaFor(1));
    const lines = renderGithub({ applications: [app] }, { toolVersion: '1' }).trimEnd().split('\n');
    const commands = lines.slice(0, -1).map(parseCommand);
    const count = (level: string) => commands.filter((c) => c.command === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 10]);
    expect(commands.map((c) => c.command)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    expect(commands[0]?.message).toBe('problem 0');
    const overflow = commands.at(-1);
    expect(overflow?.properties).toEqual({ title: 'svmc' });
    expect(overflow?.message).toMatch(/^91 more findings not shown as annotations: the job summary lists them all/);
    expect(lines.at(-1)).toBe('svmc: 1 application checked, 40 errors, 40 warnings');
  });

  it('adds no counting notice when every level is within its cap', () => {
    const findings = Array.from({ length: ANNOTATIONS_PER_LEVEL }, (_, i) => finding('EVIDENCE_FILE_MISSING', `problem ${i}`));
    const lines = renderGithub({ applications: [application('x', 1, findings, criteriaFor(1))] }, { toolVersion: '1' }).trimEnd().split('\n');
    expect(lines).toHaveLength(ANNOTATIONS_PER_LEVEL + 1);
    expect(lines.some((line) => line.startsWith('::notice'))).toBe(false);
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

  it('lists every finding, notes too, with no cap short of the size GitHub takes', async () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding('EVIDENCE_UNMAPPED', `unmapped ${i}`, { severity: i % 2 ? 'info' : 'warning' }));
    const md = await renderStepSummary({ applications: [application('x', 1, findings, criteriaFor(1))] });
    expect(md).toContain('unmapped 298');
    expect(md).toContain('unmapped 299');
    expect(md).toContain('**Notes**');
    expect(md.split('\n').filter((line) => line.startsWith('- `EVIDENCE_UNMAPPED`'))).toHaveLength(300);
  });

  it('stops the list short of GitHub\'s 1 MiB, saying how many are left', async () => {
    const findings = Array.from({ length: 5000 }, (_, i) => finding('EVIDENCE_FILE_MISSING', `${'x'.repeat(400)} ${i}`));
    const md = await renderStepSummary({ applications: [application('x', 1, findings, criteriaFor(1))] });
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/- … and \d+ more, past the size GitHub allows here/);
  });
});
