import { LEVEL_NAMES, type Level } from '../core/domain.js';
import { adviceFor, PUBLISHED_RULE_LEVEL, readinessRule } from '../core/assess/score.js';
import type { AdviceItem, AssessmentResult, Questionnaire } from '../core/assess/types.js';
import { plain, type Paint, type Style } from './paint.js';
import { wrapWords } from './wrap.js';
import { bar, plural } from './words.js';


export interface AssessTextOptions {
  paint?: Paint;
  /** Columns to wrap at, between words. */
  width?: number;
}

const DEFAULT_WIDTH = 80;

/** `--format json`: scores per principle, total, the verdict for the level and every piece of advice, lowest answers first. */
export function assessmentJson(questionnaire: Questionnaire, result: AssessmentResult): string {
  const certificateLevel = result.certificateLevel ?? PUBLISHED_RULE_LEVEL;
  const { minimumLevel, threshold } = readinessRule(questionnaire, certificateLevel);
  const report = {
    date: result.date,
    questionnaire: `${questionnaire.id}@${questionnaire.version}`,
    certificateLevel,
    scores: result.scores,
    answers: result.answers,
    total: result.total,
    max: result.max,
    threshold,
    minimumLevel,
    ready: result.ready,
    advice: adviceFor(questionnaire, result.answers, certificateLevel),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function styleFor(percent: number): Style {
  if (percent >= 75) return 'green';
  return percent >= 50 ? 'yellow' : 'red';
}

/**
 * The text report: a bar per principle, the top three things to improve for the level applied
 * for (or, once ready, to go further) and the verdict.
 */
export function assessmentText(questionnaire: Questionnaire, result: AssessmentResult, options: AssessTextOptions = {}): string {
  const { paint = plain, width = DEFAULT_WIDTH } = options;
  const certificateLevel = result.certificateLevel ?? PUBLISHED_RULE_LEVEL;
  const wrap = (text: string, first = '', rest = first) => wrapWords(text, width, first, rest);
  const titles = questionnaire.principles.map((principle) => `${principle.number}. ${principle.title}`);
  const titleWidth = Math.max(...titles.map((title) => title.length));
  const heading = `Self-assessment, ${result.date}, for level ${certificateLevel} ${LEVEL_NAMES[certificateLevel]}`;
  const lines = [...wrap(heading).map((line) => paint('bold', line)), ''];
  questionnaire.principles.forEach((principle, index) => {
    const percent = result.scores[principle.id] ?? 0;
    const score = `${String(percent).padStart(3)}%`;
    lines.push(`  ${(titles[index] ?? '').padEnd(titleWidth)}  ${paint(styleFor(percent), bar(percent))} ${score}`);
  });
  const { minimumLevel, threshold, looksFor } = readinessRule(questionnaire, certificateLevel);
  const needs = `level ${certificateLevel} needs above ${threshold}, every answer at level ${minimumLevel} or higher`;
  lines.push('', ...wrap(`Total ${result.total} of ${result.max} (${needs})`, '  ', '    '));
  const advice = adviceFor(questionnaire, result.answers, certificateLevel);
  const needed = advice.filter((item) => item.needed);
  if (needed.length > 0) {
    lines.push('', paint('bold', `Top things to improve for level ${certificateLevel}`), ...wrap(looksFor, '  '));
  } else if (advice.length > 0) {
    lines.push('', paint('bold', 'To go further'));
  }
  (needed.length > 0 ? needed : advice).slice(0, 3).forEach((item, index) => {
    lines.push(...adviceLines(questionnaire, item, index + 1, wrap));
  });
  lines.push('', ...verdict(questionnaire, result, paint, width));
  return `${lines.join('\n')}\n`;
}

type Wrap = (text: string, first?: string, rest?: string) => string[];

function adviceLines(questionnaire: Questionnaire, item: AdviceItem, rank: number, wrap: Wrap): string[] {
  const principle = questionnaire.principles.find((entry) => entry.id === item.principle);
  const name = principle?.title ?? item.principle;
  return [...wrap(`${name} (${item.question}, answered at level ${item.level})`, `  ${rank}. `, '     '), ...wrap(item.text, '     ')];
}

/** Why the answers are or are not ready for the level, in terms of its rule, as wrapped lines. */
function verdict(questionnaire: Questionnaire, result: AssessmentResult, paint: Paint = plain, width = DEFAULT_WIDTH): string[] {
  const certificateLevel: Level = result.certificateLevel ?? PUBLISHED_RULE_LEVEL;
  const { minimumLevel, threshold } = readinessRule(questionnaire, certificateLevel);
  if (result.ready) {
    const text = `Ready for level ${certificateLevel}: every answer is at level ${minimumLevel} or above and the total is above ${threshold}.`;
    return wrapWords(text, width).map((line) => paint('green', line));
  }
  const reasons: string[] = [];
  const low = Object.values(result.answers).filter((level) => level < minimumLevel).length;
  if (low > 0) reasons.push(`${plural(low, 'answer is', 'answers are')} below level ${minimumLevel}`);
  if (result.total <= threshold) reasons.push(`the total ${result.total} is not above ${threshold}`);
  return wrapWords(`Not ready for level ${certificateLevel} yet: ${reasons.join(' and ')}.`, width).map((line) => paint('red', line));
}

/** `--list` as text: each principle with its questions, what every level means, and the rule of each certificate level. */
export function questionnaireText(questionnaire: Questionnaire, options: AssessTextOptions = {}): string {
  const { paint = plain, width = DEFAULT_WIDTH } = options;
  const lines: string[] = [];
  for (const principle of questionnaire.principles) {
    lines.push(paint('bold', `${principle.number}. ${principle.title}`));
    for (const question of questionnaire.questions.filter((entry) => entry.principle === principle.id)) {
      lines.push(...wrapWords(`${question.id}: ${question.text}`, width, '  ', '    '));
      question.levels.forEach((level, index) => {
        lines.push(...wrapWords(level, width, `    ${index + 1} `, '      ').map((line) => paint('dim', line)));
      });
    }
    lines.push('');
  }
  for (const [certificateLevel, rule] of Object.entries(questionnaire.readiness.levels)) {
    const text =
      `Ready for level ${certificateLevel} when every answer is at level ${rule.minimumLevel} or above ` +
      `and the total (level - 1 per answer) is above ${rule.threshold}.`;
    lines.push(...wrapWords(text, width));
  }
  return `${lines.join('\n')}\n`;
}

/** `--list --format json`. */
export function questionnaireJson(questionnaire: Questionnaire): string {
  const { id, version, levelNames, readiness, principles, questions } = questionnaire;
  return `${JSON.stringify({ questionnaire: { id, version }, levelNames, readiness, principles, questions }, null, 2)}\n`;
}
