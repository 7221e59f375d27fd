import { adviceFor } from './score.js';
import type { AdviceItem, AssessmentResult, Questionnaire } from './types.js';

export type AssessStyle = 'bold' | 'dim' | 'green' | 'yellow' | 'red';
export type Painter = (style: AssessStyle, text: string) => string;

const plain: Painter = (_style, text) => text;
const BAR_WIDTH = 20;

/** `--format json`: scores per principle, total, verdict and every piece of advice, lowest answers first. */
export function assessmentJson(questionnaire: Questionnaire, result: AssessmentResult): string {
  const report = {
    date: result.date,
    questionnaire: `${questionnaire.id}@${questionnaire.version}`,
    scores: result.scores,
    answers: result.answers,
    total: result.total,
    max: result.max,
    threshold: questionnaire.readiness.threshold,
    minimumLevel: questionnaire.readiness.minimumLevel,
    ready: result.ready,
    advice: adviceFor(questionnaire, result.answers),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function bar(percent: number, width = BAR_WIDTH): string {
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function styleFor(percent: number): AssessStyle {
  if (percent >= 75) return 'green';
  return percent >= 50 ? 'yellow' : 'red';
}

/** The text report: a bar per principle, the top three things to improve and the verdict. */
export function assessmentText(questionnaire: Questionnaire, result: AssessmentResult, paint: Painter = plain): string {
  const titles = questionnaire.principles.map((principle) => `${principle.number}. ${principle.title}`);
  const width = Math.max(...titles.map((title) => title.length));
  const lines = [paint('bold', `Self-assessment, ${result.date}`), ''];
  questionnaire.principles.forEach((principle, index) => {
    const percent = result.scores[principle.id] ?? 0;
    const score = `${String(percent).padStart(3)}%`;
    lines.push(`  ${(titles[index] ?? '').padEnd(width)}  ${paint(styleFor(percent), bar(percent))} ${score}`);
  });
  const { minimumLevel, threshold } = questionnaire.readiness;
  lines.push('', `  Total ${result.total} of ${result.max} (ready needs above ${threshold}, every answer at level ${minimumLevel} or higher)`);
  const advice = adviceFor(questionnaire, result.answers).slice(0, 3);
  if (advice.length > 0) {
    lines.push('', paint('bold', 'Top things to improve'));
    advice.forEach((item, index) => lines.push(...adviceLines(questionnaire, item, index + 1)));
  }
  lines.push('', verdict(questionnaire, result, paint));
  return `${lines.join('\n')}\n`;
}

function adviceLines(questionnaire: Questionnaire, item: AdviceItem, rank: number): string[] {
  const principle = questionnaire.principles.find((entry) => entry.id === item.principle);
  const name = principle?.title ?? item.principle;
  return [`  ${rank}. ${name} (${item.question}, answered at level ${item.level})`, `     ${item.text}`];
}

/** Why the organisation is or is not ready, in terms of the readiness rule. */
export function verdict(questionnaire: Questionnaire, result: AssessmentResult, paint: Painter = plain): string {
  const { minimumLevel, threshold } = questionnaire.readiness;
  if (result.ready) {
    return paint('green', `Ready: every answer is at level ${minimumLevel} or above and the total is above ${threshold}.`);
  }
  const reasons: string[] = [];
  const low = Object.values(result.answers).filter((level) => level < minimumLevel).length;
  if (low > 0) reasons.push(`${low} answer${low === 1 ? ' is' : 's are'} below level ${minimumLevel}`);
  if (result.total <= threshold) reasons.push(`the total ${result.total} is not above ${threshold}`);
  return paint('red', `Not ready yet: ${reasons.join(' and ')}.`);
}

/** `--list` as text: each principle with its questions and what every level means. */
export function questionnaireText(questionnaire: Questionnaire, paint: Painter = plain): string {
  const lines: string[] = [];
  for (const principle of questionnaire.principles) {
    lines.push(paint('bold', `${principle.number}. ${principle.title}`));
    for (const question of questionnaire.questions.filter((entry) => entry.principle === principle.id)) {
      lines.push(`  ${question.id}: ${question.text}`);
      question.levels.forEach((level, index) => lines.push(paint('dim', `    ${index + 1} ${level}`)));
    }
    lines.push('');
  }
  const { minimumLevel, threshold } = questionnaire.readiness;
  lines.push(`Ready when every answer is at level ${minimumLevel} or above and the total (level - 1 per answer) is above ${threshold}.`);
  return `${lines.join('\n')}\n`;
}

/** `--list --format json`. */
export function questionnaireJson(questionnaire: Questionnaire): string {
  const { id, version, levelNames, readiness, principles, questions } = questionnaire;
  return `${JSON.stringify({ questionnaire: { id, version }, levelNames, readiness, principles, questions }, null, 2)}\n`;
}
