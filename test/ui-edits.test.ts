import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, svmc } from './helpers/cli.js';
import { post, startUi, type RunningUi } from './helpers/ui-server.js';

function get(ui: RunningUi, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: ui.port, path, headers: { Cookie: `svmc-token-${ui.port}=${ui.token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('edits from the page keep svmc.yaml as a person wrote it', () => {
  let app: string;
  let ui: RunningUi;
  const yaml = (): string => readFileSync(join(app, 'svmc.yaml'), 'utf8');

  beforeAll(async () => {
    app = copyOf('examples/level-2');
    ui = await startUi(app);
  });

  afterAll(async () => {
    expect((await ui.stop()).code).toBe(0);
  });

  it('changes an evidence item\'s fields, an empty one removed, then removes the item; the lines around stay as they were', async () => {
    const before = yaml();
    const edited = await post(ui, '/api/evidence/edit', { criterion: 'L2.PL.1', file: 'evidence/plan/stakeholder-map.csv', summary: 'Map agreed by the board', date: '2025-02-15', area: '', locator: 'sheet 2' });
    expect(edited.status, edited.answer.error).toBe(200);
    expect(parse(yaml()).evidence.plan['L2.PL.1'].evidence[0]).toEqual({ file: 'evidence/plan/stakeholder-map.csv', summary: 'Map agreed by the board', date: '2025-02-15', locator: 'sheet 2' });
    const bad = await post(ui, '/api/evidence/edit', { criterion: 'L2.PL.1', file: 'evidence/plan/stakeholder-map.csv', date: '2025-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.answer.error).toMatch(/not a real date/);
    const unknown = await post(ui, '/api/evidence/edit', { criterion: 'L2.PL.1', file: 'evidence/plan/none.csv', summary: 'x' });
    expect(unknown.status).toBe(400);
    const removed = await post(ui, '/api/evidence/remove', { criterion: 'L2.PL.1', file: 'evidence/plan/stakeholder-map.csv' });
    expect(removed.status, removed.answer.error).toBe(200);
    expect(parse(yaml()).evidence.plan['L2.PL.1'].evidence.map((i: { file: string }) => i.file)).toEqual(['evidence/plan/stakeholder-mapping-workshop-notes.md']);
    const item = [
      '        - file: evidence/plan/stakeholder-map.csv',
      '          summary: Stakeholder map with young people, mentors and parents split into sub-groups',
      '          date: 2025-02-14',
      '          area: Youth services',
      '',
    ].join('\n');
    expect(before).toContain(item);
    expect(yaml()).toBe(before.replace(item, ''));
    expect(yaml()).toContain('# Riverside Community Trust, level 2 (Implement)');
  });

  it('sets, clears and adds details and previous awards through the form\'s fields', async () => {
    const saved = await post(ui, '/api/details', {
      'applicant.membership.number': 'SVUK-0043',
      'application.preparationCall': '',
      'application.renewal': '',
      'representatives.senior.role': 'Director',
      'award.0.level': '1',
      'award.0.awarded': '2025-06-01',
      'award.0.reference': '',
      'award.1.level': '2',
      'award.1.awarded': '2024-01-10',
      'award.1.reference': 'SVMC-L2-7',
    });
    expect(saved.status, saved.answer.error).toBe(200);
    const data = parse(yaml());
    expect(data.applicant.membership.number).toBe('SVUK-0043');
    expect(data.application.preparationCall).toBeUndefined();
    expect(data.application.renewal).toBeUndefined();
    expect(data.representatives.senior.role).toBe('Director');
    expect(data.application.previousAwards).toEqual([{ level: 1, awarded: '2025-06-01' }, { level: 2, awarded: '2024-01-10', reference: 'SVMC-L2-7' }]);
    const removed = await post(ui, '/api/details', { 'award.0.level': '1', 'award.0.awarded': '2025-06-01', 'award.0.reference': '', 'award.0.remove': 'true', 'award.1.level': '2', 'award.1.awarded': '2024-01-10', 'award.1.reference': 'SVMC-L2-7' });
    expect(removed.status, removed.answer.error).toBe(200);
    expect(parse(yaml()).application.previousAwards).toEqual([{ level: 2, awarded: '2024-01-10', reference: 'SVMC-L2-7' }]);
    for (const [field, value] of [['application.level', '4'], ['application.preparationCall', '2026-13-01'], ['application.termsAndConditions', '/etc/passwd']]) {
      const refused = await post(ui, '/api/details', { [field!]: value! });
      expect(refused.status, field).toBe(400);
    }
    // check agrees with the file the page wrote: only what the edits made missing is reported.
    const checked = svmc(['check', app, '--preparing']);
    expect(checked.stdout).toContain('PREREQUISITE_MISSING');
    expect(checked.stdout).not.toContain('SCHEMA_VIOLATION');
  });
});

describe('a svmc.yaml of the wrong shape', () => {
  it('still shows every page, with what is missing', async () => {
    const app = copyOf('examples/level-2');
    writeFileSync(join(app, 'svmc.yaml'), 'svmc: 1\napplication:\n  level: 2\nrepresentatives: none\nevidence:\n  plan: [1, 2]\n');
    const ui = await startUi(app);
    try {
      for (const path of ['/', '/criteria', '/details', '/assess', '/signoff', '/pack']) {
        const page = await get(ui, path);
        expect(page.status, `${path}: ${page.text}`).toBe(200);
      }
      expect((await get(ui, '/details')).text).toContain('applicant');
    } finally {
      await ui.stop();
    }
  });
});

describe('the self-assessment', () => {
  it('is saved from the answers, as svmc assess saves it, and its chart is served as an image', async () => {
    const app = copyOf('examples/level-2');
    const ui = await startUi(app);
    try {
      const questions = [...(await get(ui, '/assess')).text.matchAll(/name="answer\.([^"]+)" value="1"/g)].map((m) => m[1]!);
      expect(questions.length).toBeGreaterThan(10);
      const partial = await post(ui, '/api/assess', { [`answer.${questions[0]}`]: '3' });
      expect(partial.status).toBe(400);
      expect(partial.answer.error).toMatch(/Answer every question/);
      const saved = await post(ui, '/api/assess', Object.fromEntries(questions.map((id) => [`answer.${id}`, '4'])));
      expect(saved.status, saved.answer.error).toBe(200);
      expect(parse(readFileSync(join(app, 'self-assessment.yaml'), 'utf8')).answers[questions[0]!]).toBe(4);
      const chart = await get(ui, '/chart.svg');
      expect(chart.text).toMatch(/^<svg|^<\?xml/);
      expect(chart.text).toBe(readFileSync(join(app, 'self-assessment.svg'), 'utf8'));
      expect((await get(ui, '/assess')).text).toContain('<img src="/chart.svg"');
    } finally {
      await ui.stop();
    }
  });
});

describe('uploads', () => {
  it('go into evidence/<stage>/ of the criterion, and replace a file there only when the request says so', async () => {
    const app = copyOf('examples/level-2');
    const ui = await startUi(app);
    const upload = (name: string, body: string, overwrite = false) =>
      new Promise<{ status: number; answer: { file?: string; error?: string } }>((resolve, reject) => {
        const headers = { Cookie: `svmc-token-${ui.port}=${ui.token}`, Origin: ui.origin, 'Content-Type': 'application/octet-stream', 'X-Svmc-Request': '1' };
        const path = `/api/upload?criterion=L2.RV.2&name=${encodeURIComponent(name)}${overwrite ? '&overwrite=1' : ''}`;
        const req = request({ host: '127.0.0.1', port: ui.port, method: 'POST', path, headers }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, answer: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const first = await upload('feedback notes.md', 'first\n');
      expect(first).toEqual({ status: 200, answer: { message: 'evidence/revise/feedback notes.md uploaded.', file: 'evidence/revise/feedback notes.md' } });
      const again = await upload('feedback notes.md', 'second\n');
      expect(again.status).toBe(409);
      expect(again.answer.error).toMatch(/exists already/);
      expect(readFileSync(join(app, 'evidence/revise/feedback notes.md'), 'utf8')).toBe('first\n');
      expect((await upload('feedback notes.md', 'second\n', true)).status).toBe(200);
      expect(readFileSync(join(app, 'evidence/revise/feedback notes.md'), 'utf8')).toBe('second\n');
      expect((await upload('CON.md', 'x')).status).toBe(400);
    } finally {
      await ui.stop();
    }
  });
});

describe('svmc ui on the command line', () => {
  it('refuses a port that is not one, and a folder without svmc.yaml, with exit 2', () => {
    const port = svmc(['ui', copyOf('examples/level-2'), '--port', 'eighty', '--no-open']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port eighty is not a port/);
    const empty = svmc(['ui', join(copyOf('examples/level-2'), 'evidence'), '--no-open']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no svmc\.yaml/);
  });
});
