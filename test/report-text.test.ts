import { describe, expect, it } from 'vitest';
import { reportRenderer } from '../src/report/index.js';
import { reportPath, toUriReference } from '../src/report/paths.js';
import { sampleResult } from './report-fixture.js';

const renderText = await reportRenderer('text');

const ANSI = /\u001b\[/;
const render = (extra: { color?: boolean; strict?: boolean } = {}) =>
  renderText(sampleResult(), { toolVersion: '1', ...extra });

describe('text report', () => {
  it('groups findings per application, application-wide first, then by stage', () => {
    const lines = render().split('\n');
    const start = lines.indexOf('clients/Riverside Trust · level 2 Implement');
    expect(start).toBe(0);
    const headings = lines.slice(0, lines.indexOf('')).filter((l) => /^ {2}\S/.test(l));
    expect(headings).toEqual(['  Application', '  Plan', '  Do', expect.stringMatching(/^ {2}✖ 4 errors, 1 warning · 8\/10/)]);
    const plan = lines.slice(lines.indexOf('  Plan') + 1, lines.indexOf('  Do'));
    expect(plan.map((l) => l.trim().split(/\s{2,}/).slice(0, 3))).toEqual([
      ['clients/Riverside Trust/svmc.yaml:14:7', 'error', 'EVIDENCE_FILE_MISSING'],
      ['clients/Riverside Trust/svmc.yaml:16', 'error', 'UNKNOWN_CRITERION'],
    ]);
  });

  it('keeps each finding on one line and drops control characters', () => {
    const text = render();
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const odd = text.split('\n').filter((l) => l.includes('Café'));
    expect(odd).toHaveLength(1);
    expect(odd[0]).toContain('warning  EVIDENCE_UNMAPPED');
  });

  it('ends with a total line', () => {
    const lines = render().trimEnd().split('\n');
    expect(lines.at(-1)).toBe('✖ 3 applications checked, 2 with errors: 5 errors, 1 warning');
    expect(lines).toContain('  ✔ no problems · 10/10 required criteria met');
  });

  it('colours only when asked', () => {
    expect(render()).not.toMatch(ANSI);
    expect(render({ color: true })).toMatch(ANSI);
  });

  it('counts warnings as errors with strict', () => {
    expect(render({ strict: true }).trimEnd().split('\n').at(-1)).toBe(
      '✖ 3 applications checked, 2 with errors: 6 errors, 0 warnings',
    );
  });
});

describe('report paths', () => {
  it('joins folder and file with forward slashes, relative to cwd', () => {
    expect(reportPath('./a/b/', 'svmc.yaml')).toBe('a/b/svmc.yaml');
    expect(reportPath('.', 'evidence/x.pdf')).toBe('evidence/x.pdf');
    expect(reportPath('/r/a', 'svmc.yaml', '/r')).toBe('a/svmc.yaml');
    expect(reportPath('/r', undefined, '/r')).toBe('.');
  });

  it('percent-encodes what a URI reference cannot carry', () => {
    expect(toUriReference('a b/ü%/x:y,z#?.txt')).toBe('a%20b/%C3%BC%25/x%3Ay,z%23%3F.txt');
    expect(toUriReference('../up/x')).toBe('../up/x');
    expect(toUriReference('C:/Users/a b/x')).toBe('file:///C:/Users/a%20b/x');
    expect(toUriReference('bad\uD800name')).toBe('bad%EF%BF%BDname');
  });
});
