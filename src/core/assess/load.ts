import { FileReadError, READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { join } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { shippedValidator } from '../schema/ajv.js';
import { yamlLibrary } from '../schema/libraries.js';
import { RESULTS_FILE } from './files.js';
import { loadQuestionnaire } from './questionnaire.js';
import type { AssessmentResult, Principle } from './types.js';

export interface LoadedAssessment {
  result: AssessmentResult;
  principles: Principle[];
}

/**
 * Reads `self-assessment.yaml` from an application folder: undefined when there is none,
 * InvalidInputError when it is there but cannot be read as results.
 */
export async function loadAssessment(dir: string): Promise<LoadedAssessment | undefined> {
  const path = join(dir, RESULTS_FILE);
  let text: string;
  try {
    text = (await readRegularFile(path, READ_LIMITS.document)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.reason === 'missing') return undefined;
    throw new InvalidInputError(`cannot read ${RESULTS_FILE}: it ${error.detail}`);
  }
  const result = parseResults(text);
  const principles = loadQuestionnaire().principles.map((principle) => ({ ...principle }));
  return { result, principles };
}

function parseResults(text: string): AssessmentResult {
  let data: unknown;
  try {
    data = yamlLibrary().parse(text);
  } catch (error) {
    throw new InvalidInputError(`${RESULTS_FILE} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const validate = shippedValidator('self-assessment.schema.json');
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? ` at ${first.instancePath}` : '';
    throw new InvalidInputError(
      `${RESULTS_FILE} is not a self-assessment result${where}: ${first?.message ?? 'unknown shape'}; run svmc assess again`,
    );
  }
  return data as AssessmentResult;
}
