import { join } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { CHART_FILE, RESULTS_FILE } from './files.js';
import { questionnaireRef } from './questionnaire.js';
import { renderSpiderSvg } from './svg.js';
import type { AssessmentResult, Questionnaire } from './types.js';

export interface WrittenResults {
  results: string;
  chart: string;
}

/** Writes self-assessment.yaml and self-assessment.svg into the folder, each whole or not at all. */
export async function writeResults(
  dir: string,
  result: AssessmentResult,
  questionnaire: Questionnaire,
): Promise<WrittenResults> {
  const results = join(dir, RESULTS_FILE);
  const chart = join(dir, CHART_FILE);
  const header =
    '# Written by svmc assess: the self-assessment against the Principles of Social Value.\n' +
    '# Scores are percentages per principle; total counts level - 1 per answer.\n';
  const body = stringify({ questionnaire: questionnaireRef(questionnaire), ...result });
  await writeFileAtomic(results, header + body);
  await writeFileAtomic(chart, renderSpiderSvg(result, questionnaire.principles));
  return { results, chart };
}
