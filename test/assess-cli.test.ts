import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';

interface Listed {
  principles: { id: string; number: number; title: string }[];
  questions: { id: string; principle: string; text: string; levels: string[] }[];
}

const listed = JSON.parse(svmc(['assess', '--list', '--format', 'json']).stdout) as Listed;
const ids = listed.questions.map((question) => question.id);

function answersFile(dir: string, answers: Record<string, unknown>): string {
  const file = join(dir, 'answers.yaml');
  const lines = Object.entries(answers).map(([id, level]) => `  ${id}: ${JSON.stringify(level)}`);
  writeFileSync(file, `answers:\n${lines.join('\n')}\n`);
  return file;
}
const uniform = (level: number): Record<string, number> => Object.fromEntries(ids.map((id) => [id, level]));

describe('svmc assess --list', () => {
  it('prints principles and questions with five levels each', () => {
    expect(listed.principles).toHaveLength(7);
    expect(listed.questions.length).toBeGreaterThanOrEqual(19);
    for (const question of listed.questions) {
      expect(Object.keys(question)).toEqual(expect.arrayContaining(['id', 'principle', 'text', 'levels']));
      expect(question.levels).toHaveLength(5);
      expect(listed.principles.map((principle) => principle.id)).toContain(question.principle);
    }
  });
  it('prints the questions as text too', () => {
    const result = svmc(['assess', '--list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ids[0]);
  });
});

describe('svmc assess --answers', () => {
  const run = (answers: Record<string, unknown>, ...flags: string[]) => {
    const dir = tempDir('svmc-assess-');
    const result = svmc(['assess', '--dir', dir, '--answers', answersFile(dir, answers), ...flags], {
      env: { SOURCE_DATE_EPOCH: '1735689600' },
    });
    return { dir, ...result };
  };

  it('all fives: ready, results and chart written', () => {
    const { dir, code, stdout } = run(uniform(5), '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { scores: Record<string, number>; total: number; ready: boolean; advice: unknown[] };
    expect(report).toMatchObject({ ready: true, total: 4 * ids.length, advice: [] });
    expect(Object.keys(report.scores)).toHaveLength(7);
    const saved = parse(readFileSync(join(dir, 'self-assessment.yaml'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ date: '2025-01-01', ready: true, total: 4 * ids.length, max: 4 * ids.length });
    expect(XMLValidator.validate(readFileSync(join(dir, 'self-assessment.svg'), 'utf8'))).toBe(true);
  });

  it('all threes: not ready', () => {
    const { code, stdout } = run(uniform(3), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ready: false, total: 2 * ids.length });
  });

  it('one 2 among fives: not ready, and the advice names that principle', () => {
    const json = run({ ...uniform(5), 'negative-unintended': 2 }, '--format', 'json');
    const report = JSON.parse(json.stdout) as { ready: boolean; advice: { question: string; principle: string }[] };
    expect(report.ready).toBe(false);
    expect(report.advice[0]).toMatchObject({ question: 'negative-unintended', principle: 'understand-what-changes' });
    const text = run({ ...uniform(5), 'negative-unintended': 2 });
    expect(text.stdout).toMatch(/Understand what changes \(negative-unintended/);
    expect(text.stdout).toMatch(/Not ready/);
  });

  it.each([
    ['out of range', { ...uniform(5), 'stakeholder-map': 0 }, 'stakeholder-map'],
    ['not a whole number', { ...uniform(5), sensitivity: 3.5 }, 'sensitivity'],
    ['unknown id', { ...uniform(5), 'made-up': 3 }, 'made-up'],
    ['missing', Object.fromEntries(ids.slice(1).map((id) => [id, 5])), ids[0]],
  ])('%s: exit 2 naming the question', (_name, answers, named) => {
    const { dir, code, stderr } = run(answers);
    expect(code).toBe(2);
    expect(stderr).toContain(named);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'self-assessment.yaml'))).toBe(false);
  });
});

describe('svmc assess in an application folder', () => {
  const folder = (level: number): string => {
    const dir = join(tempDir('svmc-assess-app-'), 'app');
    const made = svmc(['init', dir, '--yes', '--org', 'Riverside Community Trust', '--level', String(level), '--size', 'small']);
    expect(made.code, made.stderr).toBe(0);
    return dir;
  };
  const assess = (dir: string, answers: Record<string, number>, ...flags: string[]) =>
    svmc(['assess', '--dir', dir, '--answers', answersFile(dir, answers), ...flags], { env: { SOURCE_DATE_EPOCH: '1735689600' } });

  it('judges readiness for the level svmc.yaml applies for', () => {
    const verdicts = [1, 3].map((level) => {
      const result = assess(folder(level), uniform(3), '--format', 'json');
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { certificateLevel: number; ready: boolean; minimumLevel: number };
    });
    expect(verdicts).toMatchObject([
      { certificateLevel: 1, ready: true, minimumLevel: 2 },
      { certificateLevel: 3, ready: false, minimumLevel: 4 },
    ]);
  });

  it('wraps the text of a level-3 folder at 80 columns, between words only', () => {
    const low = { ...uniform(2), 'stakeholder-map': 1, attribution: 1, 'independent-review': 1 };
    const result = assess(folder(3), low);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    expect(result.stdout).toMatch(/^Self-assessment, 2025-01-01, for level 3 Manage$/m);
    expect(result.stdout).toMatch(/^Top things to improve for level 3$/m);
    // Lines break only where a space was: with the breaks and indents made spaces again, every sentence is whole.
    const joined = result.stdout.replace(/\s+/g, ' ');
    const questionnaire = JSON.parse(svmc(['assess', '--list', '--format', 'json']).stdout) as {
      readiness: { levels: Record<string, { looksFor: string }> };
      questions: { id: string; advice: string }[];
    };
    const advised = ['stakeholder-map', 'attribution', 'independent-review'];
    for (const question of questionnaire.questions.filter((entry) => advised.includes(entry.id))) expect(joined).toContain(question.advice);
    expect(joined).toContain(questionnaire.readiness.levels['3']?.looksFor);
    expect(joined).toMatch(/Not ready for level 3 yet: 20 answers are below level 4 and the total \d+ is not above 59\./);
  });

  it('judges for level 3 and says so when no svmc.yaml names a level', () => {
    const result = assess(tempDir('svmc-assess-'), uniform(3), '--format', 'json');
    expect(JSON.parse(result.stdout)).toMatchObject({ certificateLevel: 3, ready: false });
    expect(result.stderr).toMatch(/judged for level 3/);
  });
});

describe('svmc assess without a terminal', () => {
  it('asks for --answers instead of prompting', () => {
    const result = svmc(['assess', '--dir', tempDir()], { input: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--answers');
  });
  it('refuses a folder that does not exist and an answers file that does not', () => {
    expect(svmc(['assess', '--dir', join(tempDir(), 'nowhere'), '--answers', 'x.yaml']).code).toBe(2);
    const missing = svmc(['assess', '--dir', tempDir(), '--answers', join(tempDir(), 'x.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('x.yaml');
  });
});
