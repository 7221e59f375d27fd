import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkAnswers, parseAnswersFile } from '../src/core/assess/answers.js';
import { loadAssessment } from '../src/core/assess/load.js';
import { checkQuestionnaire, loadQuestionnaire } from '../src/core/assess/questionnaire.js';
import { assessmentText } from '../src/report/assess.js';
import { adviceFor, assessmentDate, scoreAnswers } from '../src/core/assess/score.js';
import { spiderGeometry, spiderValue } from '../src/core/assess/spider.js';
import { escapeXml, renderSpiderSvg } from '../src/core/assess/svg.js';
import { wrapWords } from '../src/report/wrap.js';
import { writeResults } from '../src/core/assess/write.js';
import type { Level } from '../src/core/domain.js';
import { UsageError } from '../src/core/errors.js';

const questionnaire = loadQuestionnaire();
const ids = questionnaire.questions.map((question) => question.id);
const uniform = (level: number): Record<string, number> => Object.fromEntries(ids.map((id) => [id, level]));
const score = (answers: Record<string, number>, certificateLevel: Level = 3) =>
  scoreAnswers(questionnaire, answers, { date: '2025-01-02', certificateLevel });

describe('questionnaire', () => {
  it('covers the seven principles with at least two questions each and 19 to 21 in all', () => {
    expect(questionnaire.principles.map((principle) => principle.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(questionnaire.principles[0]?.id).toBe('involve-stakeholders');
    for (const principle of questionnaire.principles) {
      expect(questionnaire.questions.filter((question) => question.principle === principle.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(ids.length).toBeGreaterThanOrEqual(19);
    expect(ids.length).toBeLessThanOrEqual(21);
    for (const question of questionnaire.questions) expect(question.levels).toHaveLength(5);
  });

  it('scales the published threshold (above 56 over 19 questions) to the number of questions for level 3, and asks less of levels 1 and 2', () => {
    const { levels } = questionnaire.readiness;
    expect(levels[3]).toMatchObject({ minimumLevel: 4, threshold: 3 * ids.length - 1 });
    expect(3 * 19 - 1).toBe(56);
    expect(levels[2]).toMatchObject({ minimumLevel: 3, threshold: 2 * ids.length - 1 });
    expect(levels[1]).toMatchObject({ minimumLevel: 2, threshold: ids.length - 1 });
  });

  it('rejects a questionnaire whose question names an unknown principle', () => {
    const broken = structuredClone(questionnaire);
    broken.questions[0]!.principle = 'nowhere';
    expect(() => checkQuestionnaire(broken)).toThrow(/unknown principle/);
    const missingLevel = structuredClone(questionnaire);
    missingLevel.questions[0]!.levels.pop();
    expect(() => checkQuestionnaire(missingLevel)).toThrow(/levels/);
  });
});

describe('scoring and readiness', () => {
  const lowered = (id: string, level: number, others = 5) => ({ ...uniform(others), [id]: level });
  const cases: [string, Record<string, number>, { ready: boolean; total: number }][] = [
    ['all fives', uniform(5), { ready: true, total: 4 * ids.length }],
    ['all fours', uniform(4), { ready: true, total: 3 * ids.length }],
    ['all threes', uniform(3), { ready: false, total: 2 * ids.length }],
    ['all ones', uniform(1), { ready: false, total: 0 }],
    ['one 2 among fives', lowered('theory-of-change', 2), { ready: false, total: 4 * ids.length - 3 }],
    ['one 3 among fives', lowered('sensitivity', 3), { ready: false, total: 4 * ids.length - 2 }],
  ];
  it.each(cases)('%s', (_name, answers, expected) => {
    const result = score(answers);
    expect({ ready: result.ready, total: result.total }).toEqual(expected);
    expect(result.max).toBe(4 * ids.length);
  });

  it('gives each principle a percentage', () => {
    expect(Object.values(score(uniform(5)).scores)).toEqual(Array(7).fill(100));
    expect(Object.values(score(uniform(3)).scores)).toEqual(Array(7).fill(50));
    const result = score(lowered('stakeholder-map', 1));
    expect(result.scores['involve-stakeholders']).toBe(67);
    expect(result.scores['be-transparent']).toBe(100);
  });

  it('advises on the lowest answers first and names their principle', () => {
    expect(adviceFor(questionnaire, uniform(5), 3)).toEqual([]);
    const advice = adviceFor(questionnaire, { ...lowered('theory-of-change', 2), 'independent-review': 1, sensitivity: 4 }, 3);
    expect(advice.map((item) => [item.question, item.principle, item.level])).toEqual([
      ['independent-review', 'verify-the-result', 1],
      ['theory-of-change', 'understand-what-changes', 2],
      ['sensitivity', 'do-not-over-claim', 4],
    ]);
  });

  it.each([
    ['all twos', uniform(2), [true, false, false]],
    ['all threes', uniform(3), [true, true, false]],
    ['all fours', uniform(4), [true, true, true]],
    ['all ones', uniform(1), [false, false, false]],
    ['threes with one 1', lowered('attribution', 1, 3), [false, false, false]],
    ['fours with one 2', lowered('attribution', 2, 4), [true, false, false]],
  ] as const)('%s: ready or not for each level', (_name, answers, expected) => {
    const levels: Level[] = [1, 2, 3];
    expect(levels.map((certificateLevel) => score(answers, certificateLevel).ready)).toEqual(expected);
    expect(levels.map((certificateLevel) => score(answers, certificateLevel).certificateLevel)).toEqual(levels);
  });

  it('marks as needed the advice on answers below what the level applied for needs', () => {
    const answers = { ...uniform(4), 'stakeholder-map': 1, attribution: 2, sensitivity: 3 };
    const needed = (certificateLevel: Level) =>
      adviceFor(questionnaire, answers, certificateLevel).filter((item) => item.needed).map((item) => item.question);
    expect(needed(1)).toEqual(['stakeholder-map']);
    expect(needed(2)).toEqual(['stakeholder-map', 'attribution']);
    expect(needed(3)).toEqual(['stakeholder-map', 'attribution', 'sensitivity']);
    expect(adviceFor(questionnaire, answers, 1)).toHaveLength(ids.length);
  });

  it('says in text which level the verdict and advice are for', () => {
    const answers = { ...uniform(3), 'stakeholder-map': 1 };
    const text = (certificateLevel: Level) => assessmentText(questionnaire, score(answers, certificateLevel));
    expect(text(1)).toMatch(/Top things to improve for level 1\n {2}Level 1 looks for commitment/);
    expect(text(1)).toMatch(/^Not ready for level 1 yet: 1 answer is below level 2\.$/m);
    expect(text(3).replace(/\n/g, ' ')).toMatch(/Not ready for level 3 yet: 20 answers are below level 4 and the total 38 is not above 59\./);
    expect(assessmentText(questionnaire, score(uniform(3), 2))).toMatch(/To go further[\s\S]*^Ready for level 2: /m);
  });

  it('dates results by SOURCE_DATE_EPOCH when set', () => {
    expect(assessmentDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(assessmentDate({}, () => new Date('2024-02-29T23:00:00Z'))).toBe('2024-02-29');
  });
});

describe('text wrapping', () => {
  it('breaks only between words, within the width, after the prefixes given', () => {
    const text = 'Draw up a stakeholder map for your main activities: who is affected, positively or negatively.';
    const lines = wrapWords(text, 30, '  1. ', '     ');
    expect(lines.filter((line) => line.length > 30)).toEqual([]);
    expect(lines[0]).toMatch(/^ {2}1\. Draw /);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {5}\S/);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(`1. ${text}`);
    expect(wrapWords('a-word-longer-than-the-line', 10, '  ')).toEqual(['  a-word-longer-than-the-line']);
  });

  it('keeps every line of the text report within the width', () => {
    const result = score({ ...uniform(2), sensitivity: 1 });
    for (const width of [64, 80, 120]) {
      expect(assessmentText(questionnaire, result, { width }).split('\n').filter((line) => line.length > width)).toEqual([]);
    }
  });
});

describe('answers', () => {
  const problem = (answers: Record<string, unknown>): string => {
    try {
      checkAnswers(answers, questionnaire, 'answers.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };
  it('names the question of every bad answer', () => {
    expect(problem({ ...uniform(5), 'stakeholder-map': 6 })).toMatch(/stakeholder-map/);
    expect(problem({ ...uniform(5), sensitivity: 2.5 })).toMatch(/sensitivity/);
    expect(problem({ ...uniform(5), attribution: 'four' })).toMatch(/attribution/);
    expect(problem({ ...uniform(5), 'no-such-question': 3 })).toMatch(/no-such-question/);
    const { counterfactual: _dropped, ...missing } = uniform(5);
    expect(problem(missing)).toMatch(/missing.*counterfactual/);
  });
  it('reads YAML and refuses a file without an answers mapping', () => {
    const yaml = `answers:\n${ids.map((id) => `  ${id}: 4`).join('\n')}\n`;
    expect(parseAnswersFile(yaml, 'a.yaml', questionnaire)).toEqual(uniform(4));
    expect(() => parseAnswersFile('- 1\n- 2\n', 'a.yaml', questionnaire)).toThrow(UsageError);
    expect(() => parseAnswersFile('answers: [\n', 'a.yaml', questionnaire)).toThrow(UsageError);
  });
});

describe('spider chart', () => {
  it('puts the first axis straight up and goes clockwise in y-down coordinates', () => {
    const geometry = spiderGeometry(
      [0, 1, 2, 3].map((index) => ({ label: `a${index}`, value: 1 })),
      { cx: 100, cy: 100, radius: 50, rings: 5 },
    );
    expect(geometry.axes.map((axis) => [axis.x, axis.y, axis.anchor])).toEqual([
      [100, 50, 'middle'],
      [150, 100, 'start'],
      [100, 150, 'middle'],
      [50, 100, 'end'],
    ]);
    expect(geometry.rings).toHaveLength(5);
    expect(geometry.rings[0]?.[0]).toEqual({ x: 100, y: 90 });
    expect(geometry.polygon[1]).toEqual({ x: 150, y: 100 });
  });

  it('maps a principle score to its average level over five rings', () => {
    expect([spiderValue(0), spiderValue(50), spiderValue(100)]).toEqual([0.2, 0.6, 1]);
  });

  it('renders an SVG that parses as XML with seven axis labels and escaped text', () => {
    const principles = questionnaire.principles.map((principle, index) =>
      index === 0 ? { ...principle, title: 'Involve <stakeholders> & "others"' } : principle,
    );
    const svg = renderSpiderSvg(score(uniform(3)), principles);
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as {
      svg: { viewBox: string; text: { class?: string; tspan?: unknown }[] };
    };
    expect(parsed.svg.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(parsed.svg.text.filter((text) => text.class === 'axis-label')).toHaveLength(7);
    expect(svg).toContain('&lt;stakeholders&gt; &amp;');
    expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});

describe('loadAssessment', () => {
  it('is undefined without results and reads back what assess wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svmc-assess-'));
    expect(await loadAssessment(dir)).toBeUndefined();
    const result = score(uniform(4));
    await writeResults(dir, result, questionnaire);
    const loaded = await loadAssessment(dir);
    expect(loaded?.result).toMatchObject(result);
    expect(loaded?.principles).toHaveLength(7);
    writeFileSync(join(dir, 'self-assessment.yaml'), 'date: yesterday\n');
    await expect(loadAssessment(dir)).rejects.toThrow(/self-assessment.yaml/);
  });
});
