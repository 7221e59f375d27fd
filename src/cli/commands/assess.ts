import { stat } from 'node:fs/promises';
import { FileReadError, READ_LIMITS, readRegularFile } from '../../core/fs/read-file.js';
import { relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { parseAnswersFile } from '../../core/assess/answers.js';
import { appliedLevel } from '../../core/assess/applied-level.js';
import { assessmentJson, assessmentText, questionnaireJson, questionnaireText } from '../../report/assess.js';
import { loadAssessment } from '../../core/assess/load.js';
import { clearProgress, PROGRESS_FILE, readProgress, saveProgress } from '../../core/assess/progress.js';
import { loadQuestionnaire } from '../../core/assess/questionnaire.js';
import { assessmentDate, PUBLISHED_RULE_LEVEL, scoreAnswers } from '../../core/assess/score.js';
import type { Questionnaire } from '../../core/assess/types.js';
import { wrapWords } from '../../report/wrap.js';
import { writeResults } from '../../core/assess/write.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { announceAffected } from '../signoff-notes.js';
import { paint } from '../color.js';
import { canPrompt, err, out } from '../io.js';
import type { OptionsOf, defineAssess } from '../program.js';

export type AssessOptions = OptionsOf<typeof defineAssess>;

/** Exit code of a run stopped with Ctrl-C, as shells report SIGINT. */
const INTERRUPTED = 130;

export async function run(folder: string, options: AssessOptions): Promise<number> {
  const questionnaire = loadQuestionnaire();
  const json = options.format === 'json';
  if (options.list) {
    out(json ? questionnaireJson(questionnaire) : questionnaireText(questionnaire, { paint, width: terminalWidth() }));
    return 0;
  }
  const dir = resolve(folder);
  await requireFolder(dir, folder);

  let answers: Record<string, number>;
  if (options.answers) {
    answers = parseAnswersFile(await readAnswersFile(options.answers), options.answers, questionnaire);
  } else if (canPrompt(options.yes)) {
    const asked = await askQuestions(dir, questionnaire);
    if (asked === 'interrupted') return INTERRUPTED;
    answers = asked;
  } else {
    throw new UsageError(
      'cannot ask the questions without a terminal (or with --yes): pass --answers FILE, a YAML file of "answers: {<question id>: 1..5}" (svmc assess --list shows the ids)',
    );
  }

  const applied = await appliedLevel(dir);
  if (applied === undefined) {
    err(paint('dim', `No svmc.yaml here names the level applied for: readiness is judged for level ${PUBLISHED_RULE_LEVEL}.`));
  }
  const certificateLevel = applied ?? PUBLISHED_RULE_LEVEL;
  const result = scoreAnswers(questionnaire, answers, { date: assessmentDate(), certificateLevel });
  const { result: written, affected } = await watchSignoffs(dir, () => writeResults(dir, result, questionnaire));
  if (!options.answers) await clearProgress(dir);
  out(json ? assessmentJson(questionnaire, result) : assessmentText(questionnaire, result, { paint, width: terminalWidth() }));
  err(`Wrote ${displayPath(written.results)} and ${displayPath(written.chart)}`);
  announceAffected(affected);
  return 0;
}

async function requireFolder(dir: string, shown: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`folder not found: ${shown}`);
}

async function readAnswersFile(file: string): Promise<string> {
  try {
    return (await readRegularFile(file, READ_LIMITS.document)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new UsageError(error.reason === 'missing' ? `answers file not found: ${file}` : `cannot read the answers file ${file}: it ${error.detail}`);
  }
}

/** The terminal's width, or 80 when stdout is not a terminal. */
function terminalWidth(): number {
  return Math.max(40, (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * One principle at a time, one `select` per question. Each answer is saved at once, so a run
 * stopped with Ctrl-C carries on where it stopped; answers of earlier results are the defaults.
 */
async function askQuestions(
  dir: string,
  questionnaire: Questionnaire,
): Promise<Record<string, number> | 'interrupted'> {
  const { select } = await import('@inquirer/prompts');
  const answers = await readProgress(dir, questionnaire);
  const previous = await previousAnswers(dir);
  const count = questionnaire.questions.length;
  const resumed = Object.keys(answers).length;
  if (resumed > 0) {
    err(paint('dim', `Carrying on: ${resumed} of ${count} questions were answered before (${PROGRESS_FILE}).`));
  }
  try {
    for (const principle of questionnaire.principles) {
      const pending = questionnaire.questions.filter(
        (question) => question.principle === principle.id && answers[question.id] === undefined,
      );
      if (pending.length === 0) continue;
      err(`\n${paint('bold', `Principle ${principle.number} of ${questionnaire.principles.length}: ${principle.title}`)}`);
      if (principle.summary) err(paint('dim', principle.summary));
      for (const question of pending) {
        const number = questionnaire.questions.indexOf(question) + 1;
        const level = await select(
          {
            message: `(${number}/${count}) ${question.text}`,
            choices: question.levels.map((description, index) => ({
              value: index + 1,
              name: wrap(`${index + 1} ${questionnaire.levelNames[index] ?? ''}: ${description}`),
              short: `${index + 1} ${questionnaire.levelNames[index] ?? ''}`,
            })),
            default: previous[question.id],
            loop: false,
            pageSize: 20,
          },
          { output: process.stderr },
        );
        answers[question.id] = level;
        await saveProgress(dir, questionnaire, answers);
      }
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      const saved = Object.keys(answers).length;
      err(`\nStopped. ${saved} of ${count} answers are saved in ${PROGRESS_FILE}; run svmc assess again to carry on.`);
      return 'interrupted';
    }
    throw error;
  }
  return answers;
}

/** Wraps a choice at word boundaries to the terminal's width, continuation lines indented under the text. */
function wrap(text: string): string {
  const width = Math.max(40, Math.min(process.stderr.columns || 80, 110) - 4);
  return wrapWords(text, width, '', '    ').join('\n');
}

/** Answers of an earlier completed assessment, offered as defaults; an unreadable one is simply not offered. */
async function previousAnswers(dir: string): Promise<Record<string, number>> {
  try {
    return (await loadAssessment(dir))?.result.answers ?? {};
  } catch {
    return {};
  }
}

