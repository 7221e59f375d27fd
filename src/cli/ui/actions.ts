import { realpath } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { editDetails, DETAIL_FIELDS, type AwardRow, type DetailField } from '../../core/application/edit-details.js';
import { editEvidenceItem, removeEvidenceItem } from '../../core/application/edit-item.js';
import { loadApplication } from '../../core/application/load.js';
import { findCriterion } from '../../core/application/find-criterion.js';
import { mapEvidence } from '../../core/application/map-evidence.js';
import { writeStatement } from '../../core/application/write-statement.js';
import { appliedLevel } from '../../core/assess/applied-level.js';
import { checkAnswers } from '../../core/assess/answers.js';
import { loadQuestionnaire } from '../../core/assess/questionnaire.js';
import { assessmentDate, PUBLISHED_RULE_LEVEL, scoreAnswers } from '../../core/assess/score.js';
import { writeResults } from '../../core/assess/write.js';
import { ROLES, type Role } from '../../core/domain.js';
import { signAdvice } from '../../core/signing/sign-hint.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { renderAffectedSignoffs } from '../../report/signoff-words.js';
import { buildPack } from './build-pack.js';
import { HttpError } from './http-error.js';
import type { ServerContext } from './server.js';
import { signHere } from './sign-here.js';
import { receiveUpload } from './upload.js';

interface ActionInput {
  context: ServerContext;
  request: IncomingMessage;
  url: URL;
  /** The JSON body, unless the action reads the body itself. */
  body?: Record<string, string>;
}

interface ActionAnswer {
  /** What was done, in plain words. */
  message: string;
  [key: string]: unknown;
}

interface Action {
  /** The action reads the request's body itself (an upload). */
  raw?: boolean;
  run(input: ActionInput): Promise<ActionAnswer>;
}

const ITEM_FIELDS = ['summary', 'date', 'area', 'locator'] as const;

/** A change to the folder, with what it did to the sign-offs said after it. */
async function changed<T>(dir: string, change: () => Promise<T>, message: (result: T) => string): Promise<ActionAnswer> {
  const { result, affected } = await watchSignoffs(dir, change);
  const notes = renderAffectedSignoffs(affected, ({ role, registered }) => signAdvice(role, registered));
  return { message: [message(result), ...notes.map((note) => `${note.charAt(0).toUpperCase()}${note.slice(1)}.`)].join(' ') };
}

function required(body: Record<string, string> | undefined, name: string): string {
  const value = body?.[name];
  if (value === undefined || value.trim() === '') throw new HttpError(400, `The page sent no ${name}: reload it and try again.`);
  return value;
}

const base = (body: Record<string, string> | undefined): { base?: string } => (body?.base ? { base: body.base } : {});

const itemFields = (body: Record<string, string> | undefined) => Object.fromEntries(ITEM_FIELDS.flatMap((name) => (body?.[name] === undefined ? [] : [[name, body[name]!]])));

export const ACTIONS: Record<string, Action> = {
  '/api/statement': {
    run: ({ context: { dir }, body }) =>
      changed(dir, () => writeStatement({ dir, criterion: required(body, 'criterion'), statement: body?.statement ?? '', ...base(body) }), (r) =>
        r.changed ? `${r.criterion}: statement ${r.replaced ? 'replaced' : 'written'}.` : `${r.criterion} already has this statement.`,
      ),
  },
  '/api/evidence/add': {
    run: ({ context: { dir }, body }) => {
      const file = required(body, 'file');
      const fields = itemFields(body);
      return changed(dir, () => mapEvidence({ dir, criterion: required(body, 'criterion'), files: [file], ...fields, ...base(body) }), (r) =>
        r.added.length > 0 ? `${r.criterion}: ${r.added.join(', ')} added.` : `${file} is already mapped to ${r.criterion}.`,
      );
    },
  },
  '/api/evidence/edit': {
    run: ({ context: { dir }, body }) =>
      changed(dir, () => editEvidenceItem({ dir, criterion: required(body, 'criterion'), file: required(body, 'file'), fields: itemFields(body), ...base(body) }), (r) =>
        r.changed ? `${r.criterion}: ${body?.file} saved.` : 'Nothing changed.',
      ),
  },
  '/api/evidence/remove': {
    run: ({ context: { dir }, body }) =>
      changed(dir, () => removeEvidenceItem({ dir, criterion: required(body, 'criterion'), file: required(body, 'file'), ...base(body) }), (r) =>
        `${body?.file} removed from ${r.criterion}; the file itself is still in the folder.`,
      ),
  },
  '/api/upload': {
    raw: true,
    run: async ({ context, request, url }) => {
      const name = url.searchParams.get('name') ?? '';
      if (name === '' || name.includes('/') || name.includes('\\') || name === '.' || name === '..') throw new HttpError(400, 'Give the file a plain name, without folders.');
      const criterion = findCriterion(await loadApplication(context.dir), url.searchParams.get('criterion') ?? '');
      const path = `evidence/${criterion.stage}/${name}`;
      await receiveUpload(request, { root: await realpath(context.dir), path, overwrite: url.searchParams.get('overwrite') === '1', limit: context.uploadLimit });
      return { message: `${path} uploaded.`, file: path };
    },
  },
  '/api/details': {
    run: ({ context: { dir }, body }) => {
      const values: Partial<Record<DetailField, string>> = {};
      for (const name of Object.keys(DETAIL_FIELDS) as DetailField[]) if (body?.[name] !== undefined) values[name] = body[name]!;
      return changed(dir, () => editDetails({ dir, values, awards: awardRows(body ?? {}), ...base(body) }), (r) => (r.changed > 0 ? 'The details are saved.' : 'Nothing changed.'));
    },
  },
  '/api/assess': {
    run: async ({ context: { dir }, body }) => {
      const questionnaire = loadQuestionnaire();
      const given: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(body ?? {})) if (key.startsWith('answer.') && value !== '') given[key.slice('answer.'.length)] = Number(value);
      const missing = questionnaire.questions.filter((q) => given[q.id] === undefined).length;
      if (missing > 0) throw new HttpError(400, `Answer every question before saving: ${missing} of ${questionnaire.questions.length} are not answered yet.`);
      const answers = checkAnswers(given, questionnaire, 'the page');
      const certificateLevel = (await appliedLevel(dir)) ?? PUBLISHED_RULE_LEVEL;
      const result = scoreAnswers(questionnaire, answers, { date: assessmentDate(), certificateLevel });
      return changed(dir, () => writeResults(dir, result, questionnaire), () => `The self-assessment is saved: total ${result.total} of ${result.max}, ${result.ready ? 'ready' : 'not ready yet'} for level ${certificateLevel}.`);
    },
  },
  '/api/sign': {
    run: async ({ context: { dir }, body }) => {
      const role = required(body, 'role') as Role;
      if (!ROLES.includes(role)) throw new HttpError(400, 'Choose the lead or the senior leader.');
      return { message: await signHere({ dir, role, keyFile: required(body, 'keyFile'), passphrase: body?.passphrase ?? '', ...base(body) }) };
    },
  },
  '/api/pack': {
    run: async ({ context, body }) => {
      const built = await buildPack(context.dir, context.packDir, body?.draft === 'true');
      // Built again within the same second, a pack has the same name: the newer replaces it.
      context.packs.splice(0, context.packs.length, ...context.packs.filter((p) => p.file !== built.file), built);
      return { message: `${built.draft ? 'Draft pack' : 'Pack'} ${built.file} built: see the Pack page to download it.`, file: built.file };
    },
  },
};

/** The previous awards as the form sends them: `award.<n>.level`, `.awarded`, `.reference`, `.remove`. */
function awardRows(body: Record<string, string>): AwardRow[] {
  const rows: AwardRow[] = [];
  for (let index = 0; body[`award.${index}.level`] !== undefined || body[`award.${index}.awarded`] !== undefined; index++) {
    rows.push({
      level: body[`award.${index}.level`] ?? '',
      awarded: body[`award.${index}.awarded`] ?? '',
      reference: body[`award.${index}.reference`] ?? '',
      remove: body[`award.${index}.remove`] === 'true',
    });
  }
  return rows;
}
