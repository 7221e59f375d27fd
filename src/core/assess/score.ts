import type { Level } from '../domain.js';
import type { AdviceItem, AssessmentResult, Questionnaire, ReadinessRule } from './types.js';

/** Points of one answer: level 1 scores 0, level 5 scores 4, as in the published tool. */
function pointsFor(level: number): number {
  return level - 1;
}

const MAX_POINTS = 4;

/** The level whose rule is the published tool's: used when no svmc.yaml names the level applied for. */
export const PUBLISHED_RULE_LEVEL: Level = 3;

export interface ScoreOptions {
  /** YYYY-MM-DD of the assessment. */
  date: string;
  /** The certificate level applied for: readiness is judged against its rule. */
  certificateLevel: Level;
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
    certificateLevel: options.certificateLevel,
    ready: isReady(questionnaire, ordered, total, options.certificateLevel),
  };
}

/** The rule answers must meet to be ready for a certificate level. */
export function readinessRule(questionnaire: Questionnaire, certificateLevel: Level): ReadinessRule {
  return questionnaire.readiness.levels[certificateLevel];
}

/** Every answer at least the level's minimum and the total strictly above its threshold. */
function isReady(questionnaire: Questionnaire, answers: Record<string, number>, total: number, certificateLevel: Level): boolean {
  const { minimumLevel, threshold } = readinessRule(questionnaire, certificateLevel);
  const lowest = Math.min(...questionnaire.questions.map((question) => answers[question.id] ?? 1));
  return lowest >= minimumLevel && total > threshold;
}

/**
 * Advice for every answer below level 5, the lowest answers first, then in questionnaire order;
 * `needed` marks the answers below what the certificate level needs.
 */
export function adviceFor(questionnaire: Questionnaire, answers: Record<string, number>, certificateLevel: Level): AdviceItem[] {
  const { minimumLevel } = readinessRule(questionnaire, certificateLevel);
  return questionnaire.questions
    .map((question, order) => ({ question, order, level: answers[question.id] ?? 1 }))
    .filter((entry) => entry.level < 5)
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .map(({ question, level }) => ({
      question: question.id,
      principle: question.principle,
      level,
      needed: level < minimumLevel,
      text: question.advice,
    }));
}

/** Today as YYYY-MM-DD (UTC), or the day of SOURCE_DATE_EPOCH when set, for reproducible output. */
export function assessmentDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now();
  return date.toISOString().slice(0, 10);
}
