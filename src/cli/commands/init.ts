import { resolve } from 'node:path';
import type { PreviousAward, Representative } from '../../core/application/types.js';
import { LEVEL_NAMES, LEVELS, ROLE_TITLES, SIZES, type Level, type Role, type Size } from '../../core/domain.js';
import { UsageError } from '../../core/errors.js';
import { parseLevel, parseSize } from '../../core/fee/parse.js';
import {
  checkText,
  isEmail,
  isIsoDate,
  parsePreviousAward,
  requiredAwardLevel,
  type InitAnswers,
} from '../../core/init/answers.js';
import { addGithubWorkflow } from '../../core/ci/add-workflow.js';
import { checkTarget, planScaffold, writeScaffold, type ScaffoldFile } from '../../core/init/scaffold.js';
import { templateSources } from '../../core/init/templates.js';
import { placeTerms } from '../../core/init/terms.js';
import { canPrompt, err, out } from '../io.js';
import { describeWorkflow } from './ci.js';
import { VERSION } from '../version.js';
import type { OptionsOf, defineInit } from '../program.js';
import { plural } from '../../report/words.js';

export type InitCommandOptions = OptionsOf<typeof defineInit>;

/** What the flags said, checked; absent answers stay undefined until a prompt or a default fills them. */
interface Given {
  organisation?: string;
  scope?: 'organisation' | 'programme';
  programme?: string;
  level?: Level;
  renewal?: boolean;
  size?: Size;
  network?: string;
  membershipNumber?: string;
  people: Partial<Record<Role, { name?: string; email?: string }>>;
  previousAwards?: PreviousAward[];
  preparationCall?: string;
  terms?: NonNullable<InitAnswers['terms']>;
}

export async function run(dir: string, options: InitCommandOptions): Promise<number> {
  const target = resolve(dir);
  const given = readFlags(options);
  if (options.terms !== undefined) given.terms = await placeTerms(target, options.terms);
  await checkTarget(target, options.force === true, dir);
  // A bad --templates fails before the user has typed any answer.
  templateSources(options.templates);
  let answers: InitAnswers;
  if (canPrompt(options.yes)) {
    try {
      answers = await askForMissing(given, target);
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') return 130;
      throw error;
    }
  } else {
    answers = fromFlagsOnly(given);
  }
  const files = planScaffold(answers, {
    version: VERSION,
    ...(options.templates === undefined ? {} : { templates: options.templates }),
  });
  // The folder may have changed while the questions were open.
  await checkTarget(target, options.force === true, dir);
  const kept = await writeScaffold(target, files, dir);
  if (kept.includes('svmc.yaml')) throw new UsageError(`an svmc.yaml appeared in ${dir} while init ran; it was left as it is`);
  out(summary(dir, answers, files));
  if (kept.length > 0) err(`svmc: kept ${plural(kept.length, 'existing file')} as ${kept.length === 1 ? 'it was' : 'they were'}: ${kept.join(', ')}`);
  if (options.ci === 'github') await addWorkflow(target);
  return 0;
}

/** The workflow goes to the repository's root, where GitHub reads it; one already there is kept. */
async function addWorkflow(target: string): Promise<void> {
  try {
    out(describeWorkflow(await addGithubWorkflow({ from: target, folders: [], version: VERSION, replace: false })));
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`the application was created, but not the workflow: ${error.message}`);
    throw error;
  }
}

function readFlags(options: InitCommandOptions): Given {
  const text = (value: string | undefined, flag: string): string | undefined =>
    value === undefined ? undefined : checkText(value, flag);
  const given: Given = {
    organisation: text(options.org, '--org'),
    scope: options.scope ?? (options.programme === undefined ? undefined : 'programme'),
    programme: text(options.programme, '--programme'),
    level: options.level === undefined ? undefined : parseLevel(options.level, '--level'),
    renewal: options.renewal,
    size: options.size === undefined ? undefined : parseSize(options.size, '--size'),
    network: text(options.network, '--network'),
    membershipNumber: text(options.membershipNumber, '--membership-number'),
    people: {},
    previousAwards: options.previousAward?.map(parsePreviousAward),
    preparationCall: options.preparationCall,
  };
  if (given.preparationCall !== undefined && !isIsoDate(given.preparationCall)) {
    throw new UsageError(`--preparation-call "${given.preparationCall}" is not a real date written YYYY-MM-DD`);
  }
  if (given.programme !== undefined && given.scope === 'organisation') {
    throw new UsageError('--programme goes with --scope programme');
  }
  if (given.renewal && given.level !== undefined && given.level !== 3) {
    throw new UsageError(`--renewal is a renewal of level 3, not level ${given.level}`);
  }
  if (given.renewal) given.level = 3;
  for (const role of ['lead', 'senior'] as const) {
    const name = text(options[`${role}Name`], `--${role}-name`);
    const email = text(options[`${role}Email`], `--${role}-email`);
    if (email !== undefined && !isEmail(email)) throw new UsageError(`--${role}-email "${email}" is not an email address`);
    if (name !== undefined || email !== undefined) given.people[role] = { name, email };
  }
  return given;
}

function fromFlagsOnly(given: Given): InitAnswers {
  const missing = [
    given.organisation === undefined && '--org',
    given.level === undefined && '--level',
    given.size === undefined && '--size',
    given.scope === 'programme' && given.programme === undefined && '--programme',
  ].filter((flag): flag is string => flag !== false);
  for (const role of ['lead', 'senior'] as const) {
    const person = given.people[role];
    if (person && person.name === undefined) missing.push(`--${role}-name`);
    if (person && person.email === undefined) missing.push(`--${role}-email`);
  }
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.join(', ')} (without a terminal, or with --yes, init takes its answers from flags)`);
  }
  return complete(given, {});
}

function complete(given: Given, people: Partial<Record<Role, Representative>>): InitAnswers {
  const person = (role: Role): Representative | undefined => {
    const p = people[role] ?? given.people[role];
    return p?.name !== undefined && p.email !== undefined ? { name: p.name, email: p.email } : undefined;
  };
  const lead = person('lead');
  const senior = person('senior');
  return {
    organisation: given.organisation ?? '',
    scope: given.scope ?? 'organisation',
    ...(given.programme === undefined ? {} : { programme: given.programme }),
    level: given.level ?? 1,
    renewal: given.renewal === true,
    size: given.size ?? 'small',
    ...(given.network === undefined ? {} : { network: given.network }),
    ...(given.membershipNumber === undefined ? {} : { membershipNumber: given.membershipNumber }),
    ...(lead ? { lead } : {}),
    ...(senior ? { senior } : {}),
    previousAwards: given.previousAwards ?? [],
    ...(given.preparationCall === undefined ? {} : { preparationCall: given.preparationCall }),
    ...(given.terms === undefined ? {} : { terms: given.terms }),
  };
}

/** Asks only what the flags left open; nothing is written until every answer is in. */
async function askForMissing(given: Given, target: string): Promise<InitAnswers> {
  const { input, select, confirm } = await import('@inquirer/prompts');
  const context = { output: process.stderr };
  const optional = (message: string, validate?: (value: string) => true | string) =>
    input({ message: `${message} (Enter to fill in later)`, validate: (v) => v.trim() === '' || (validate?.(v.trim()) ?? true) }, context).then(
      (v) => (v.trim() === '' ? undefined : v.trim()),
    );
  const oneLine = (v: string): true | string => {
    try {
      checkText(v, 'the answer');
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const a: Given = { ...given, people: { ...given.people } };
  a.organisation ??= (await input({ message: 'Organisation name', required: true, validate: oneLine }, context)).trim();
  a.scope ??= await select(
    {
      message: 'What does the certificate cover?',
      choices: [
        { name: 'the whole organisation', value: 'organisation' as const },
        { name: 'one programme or project of it', value: 'programme' as const },
      ],
    },
    context,
  );
  if (a.scope === 'programme') {
    a.programme ??= (await input({ message: 'Programme or project name', required: true, validate: oneLine }, context)).trim();
  }
  a.level ??= await select(
    { message: 'Level applied for', choices: LEVELS.map((level) => ({ name: `${level} ${LEVEL_NAMES[level]}`, value: level })) },
    context,
  );
  if (a.level === 3 && a.renewal === undefined) {
    a.renewal = await confirm({ message: 'Is this a renewal of a level 3 award?', default: false }, context);
  }
  a.size ??= await select(
    { message: 'Membership size (it sets the fee)', choices: SIZES.map((size) => ({ name: size.replace('-', ' '), value: size })) },
    context,
  );
  a.network ??= await optional('Membership network, e.g. Social Value UK', oneLine);
  a.membershipNumber ??= await optional('Membership number', oneLine);
  const people: Partial<Record<Role, Representative>> = {};
  for (const role of ['lead', 'senior'] as const) {
    const known = a.people[role] ?? {};
    const name = known.name ?? (await optional(`${ROLE_TITLES[role]}: name`, oneLine));
    if (name === undefined) continue;
    const email =
      known.email ??
      (await input({ message: `${ROLE_TITLES[role]}: email`, required: true, validate: (v) => isEmail(v.trim()) || 'an email address, e.g. name@example.org' }, context)).trim();
    people[role] = { name, email };
  }
  const needed = requiredAwardLevel(a.level, a.renewal === true);
  if (a.previousAwards === undefined && needed !== undefined) {
    const awarded = await optional(`Date of your level ${needed} award (YYYY-MM-DD)`, (v) => isIsoDate(v) || 'a date written YYYY-MM-DD');
    if (awarded !== undefined) {
      const reference = await optional(`Reference of the level ${needed} award`, oneLine);
      a.previousAwards = [{ level: needed, awarded, ...(reference === undefined ? {} : { reference }) }];
    }
  }
  a.preparationCall ??= await optional('Date of the preparation call with the Assurance Manager (YYYY-MM-DD)', (v) => isIsoDate(v) || 'a date written YYYY-MM-DD');
  if (a.terms === undefined) {
    const check = async (v: string): Promise<true | string> => {
      if (v.trim() === '') return true;
      return placeTerms(target, v.trim(), 'the file').then(
        () => true as const,
        (error: Error) => error.message,
      );
    };
    const answer = (await input({ message: 'The signed Terms & Conditions: path to the file, copied into evidence/ (Enter to add it later)', validate: check }, context)).trim();
    if (answer !== '') a.terms = await placeTerms(target, answer, 'the file');
  }
  return complete(a, people);
}

function summary(dir: string, answers: InitAnswers, files: ScaffoldFile[]): string {
  const drafts = files.filter((file) => file.path.startsWith('drafts/')).length;
  const cd = dir === '.' ? '' : `  cd ${/^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir)}\n`;
  return (
    `Created an application for ${answers.organisation}, level ${answers.level}${answers.renewal ? ' (renewal)' : ''}, in ${dir}:\n` +
    '  svmc.yaml            the application; fill in what its comments ask for\n' +
    '  evidence/            one folder per stage\n' +
    `  drafts/              ${plural(drafts, 'starting document')}\n` +
    '  signoffs/            where the sign-offs go\n' +
    `Next:\n${cd}  svmc criteria --level ${answers.level}\n  svmc map <CRITERION> <FILE> --summary "..."\n  svmc check\n`
  );
}

