import { mkdir, rm } from 'node:fs/promises';
import { READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { isLevel } from './answers.js';
import { questionnaireRef } from './questionnaire.js';
import type { Questionnaire } from './types.js';

export const PROGRESS_FILE = join('.svmc', 'assessment-progress.yaml');

/**
 * Answers saved so far by an interrupted interactive run. Entries that no longer fit the
 * questionnaire are dropped rather than reported: the file is ours, and the user can simply answer again.
 */
export async function readProgress(dir: string, questionnaire: Questionnaire): Promise<Record<string, number>> {
  let data: unknown;
  try {
    data = parse((await readRegularFile(join(dir, PROGRESS_FILE), READ_LIMITS.document)).toString('utf8'), { maxAliasCount: 100 });
  } catch {
    return {};
  }
  const saved = (data as { answers?: unknown } | null)?.answers;
  if (typeof saved !== 'object' || saved === null) return {};
  const answers: Record<string, number> = {};
  for (const question of questionnaire.questions) {
    const value = (saved as Record<string, unknown>)[question.id];
    if (isLevel(value)) answers[question.id] = value;
  }
  return answers;
}

export async function saveProgress(
  dir: string,
  questionnaire: Questionnaire,
  answers: Record<string, number>,
): Promise<void> {
  const path = join(dir, PROGRESS_FILE);
  await mkdir(join(dir, '.svmc'), { recursive: true });
  await writeFileAtomic(path, stringify({ questionnaire: questionnaireRef(questionnaire), answers }));
}

export async function clearProgress(dir: string): Promise<void> {
  await rm(join(dir, PROGRESS_FILE), { force: true });
}
