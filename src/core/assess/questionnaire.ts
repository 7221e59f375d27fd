import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR } from '../package-root.js';
import { shippedValidator } from '../schema/ajv.js';
import type { Questionnaire } from './types.js';

const QUESTIONNAIRE_FILE = 'questionnaire.json';

let cached: Questionnaire | undefined;

/** The shipped questionnaire, validated once; a broken one is a bug in the package, not a user's mistake. */
export function loadQuestionnaire(): Questionnaire {
  cached ??= checkQuestionnaire(JSON.parse(readFileSync(join(SCHEMAS_DIR, QUESTIONNAIRE_FILE), 'utf8')));
  return cached;
}

/** Validates against questionnaire.schema.json plus the rules a schema cannot express. */
export function checkQuestionnaire(data: unknown): Questionnaire {
  const validate = shippedValidator('questionnaire.schema.json');
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new Error(`questionnaire is invalid at ${first?.instancePath || '/'}: ${first?.message ?? 'unknown error'}`);
  }
  const questionnaire = data as Questionnaire;
  const principleIds = new Set<string>();
  for (const principle of questionnaire.principles) {
    if (principleIds.has(principle.id)) throw new Error(`questionnaire repeats principle ${principle.id}`);
    principleIds.add(principle.id);
  }
  const questionIds = new Set<string>();
  for (const question of questionnaire.questions) {
    if (questionIds.has(question.id)) throw new Error(`questionnaire repeats question ${question.id}`);
    if (!principleIds.has(question.principle)) {
      throw new Error(`question ${question.id} names an unknown principle ${question.principle}`);
    }
    questionIds.add(question.id);
  }
  for (const id of principleIds) {
    if (!questionnaire.questions.some((question) => question.principle === id)) {
      throw new Error(`principle ${id} has no questions`);
    }
  }
  return questionnaire;
}

export function questionnaireRef(questionnaire: Questionnaire): string {
  return `${questionnaire.id}@${questionnaire.version}`;
}
