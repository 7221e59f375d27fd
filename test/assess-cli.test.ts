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
