import type { AdviceItem, AssessmentResult, Questionnaire } from './types.js';

/** Points of one answer: level 1 scores 0, level 5 scores 4, as in the published tool. */
export function pointsFor(level: number): number {
  return level - 1;
}

export const MAX_POINTS = 4;

export interface ScoreOptions {
  /** YYYY-MM-DD of the assessment. */
  date: string;
}

/** Scores complete, already validated answers. Percentages are rounded to whole numbers. */
export function scoreAnswers(
  questionnaire: Questionnaire,
  answers: Record<string, number>,
  options: ScoreOptions,
): AssessmentResult {
  const scores: Record<string, number> = {};
  for (const principle of questionnaire.principles) {
    const questions = questionnaire.questions.filter((question) => question.principle === principle.id);
    const points = questions.reduce((sum, question) => sum + pointsFor(answers[question.id] ?? 1), 0);
    scores[principle.id] = Math.round((100 * points) / (MAX_POINTS * questions.length));
  }
  const ordered: Record<string, number> = {};
  for (const question of questionnaire.questions) ordered[question.id] = answers[question.id] ?? 1;
  const total = questionnaire.questions.reduce((sum, question) => sum + pointsFor(ordered[question.id] ?? 1), 0);
  return {
    date: options.date,
    answers: ordered,
    scores,
    total,
    max: MAX_POINTS * questionnaire.questions.length,
    ready: isReady(questionnaire, ordered, total),
  };
}

/** Every answer at least the minimum level and the total strictly above the threshold. */
export function isReady(questionnaire: Questionnaire, answers: Record<string, number>, total: number): boolean {
  const { minimumLevel, threshold } = questionnaire.readiness;
  const lowest = Math.min(...questionnaire.questions.map((question) => answers[question.id] ?? 1));
  return lowest >= minimumLevel && total > threshold;
}

/** Advice for every answer below level 5, the lowest answers first, then in questionnaire order. */
export function adviceFor(questionnaire: Questionnaire, answers: Record<string, number>): AdviceItem[] {
  return questionnaire.questions
    .map((question, order) => ({ question, order, level: answers[question.id] ?? 1 }))
    .filter((entry) => entry.level < 5)
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .map(({ question, level }) => ({
      question: question.id,
      principle: question.principle,
      level,
      text: question.advice,
    }));
}

/** Today as YYYY-MM-DD (UTC), or the day of SOURCE_DATE_EPOCH when set, for reproducible output. */
export function assessmentDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now();
  return date.toISOString().slice(0, 10);
}
