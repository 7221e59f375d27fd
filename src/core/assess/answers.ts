import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import type { Questionnaire } from './types.js';

/** Reads an answers file's text: `answers: {<question id>: 1..5}`, every question answered exactly once. */
export function parseAnswersFile(text: string, file: string, questionnaire: Questionnaire): Record<string, number> {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new UsageError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const answers = isRecord(data) ? data.answers : undefined;
  if (!isRecord(answers)) {
    throw new UsageError(`${file} must have a mapping "answers:" of question id to a level from 1 to 5 (see svmc assess --list)`);
  }
  return checkAnswers(answers, questionnaire, file);
}

/** Checks answers against the questionnaire; every problem is named by question id in one message. */
export function checkAnswers(
  answers: Record<string, unknown>,
  questionnaire: Questionnaire,
  file: string,
): Record<string, number> {
  const known = new Set(questionnaire.questions.map((question) => question.id));
  const problems: string[] = [];
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) problems.push(`unknown question${plural(unknown)} ${unknown.join(', ')}`);
  const invalid = Object.entries(answers)
    .filter(([id, value]) => known.has(id) && !isLevel(value))
    .map(([id, value]) => `${id} (${JSON.stringify(value) ?? String(value)})`);
  if (invalid.length > 0) problems.push(`not a whole number from 1 to 5: ${invalid.join(', ')}`);
  const missing = questionnaire.questions.map((question) => question.id).filter((id) => !(id in answers));
  if (missing.length > 0) problems.push(`missing answer${plural(missing)} for ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new UsageError(`${file}: ${problems.join('; ')} (svmc assess --list shows the questions)`);
  }
  const result: Record<string, number> = {};
  for (const question of questionnaire.questions) result[question.id] = answers[question.id] as number;
  return result;
}

export function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(items: unknown[]): string {
  return items.length === 1 ? '' : 's';
}
