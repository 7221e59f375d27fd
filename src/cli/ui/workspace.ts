import { textHash } from '../../core/application/edit-application.js';
import { openApplication, type Application, type ApplicationDocument } from '../../core/application/open.js';
import type { ApplicationData } from '../../core/application/types.js';
import { explainYamlErrors } from '../../core/application/yaml-mistakes.js';
import { checkApplication } from '../../core/check/check-application.js';
import type { ApplicationResult } from '../../core/check/types.js';
import { yamlLibrary } from '../../core/schema/libraries.js';
import type { SignoffVerdict } from '../../core/signing/judge.js';

/** One page's reading of the folder: svmc.yaml read afresh, judged as `svmc check` judges it. */
export interface Workspace {
  app: Application;
  document: ApplicationDocument;
  /** What the edits made from this page are checked against. */
  base: string;
  /** Set when svmc.yaml reads cleanly enough to edit. */
  data: ApplicationData | undefined;
  result: ApplicationResult;
  /** Both sign-offs as the check judged them, unless it gave a kept result back or left them out. */
  signoffs?: SignoffVerdict[];
  /** What keeps svmc.yaml from being read, in plain words, by line; empty when it reads. */
  unreadable: { line: number; message: string }[];
}

export async function readWorkspace(dir: string, options: { skipSignoffs?: boolean } = {}): Promise<Workspace> {
  const app = await openApplication(dir);
  const document = await app.document();
  const { result, signoffs } = await checkApplication(app, options.skipSignoffs ? { skipSignoffs: true } : {});
  const unreadable = plainYamlProblems(document);
  return {
    app,
    document,
    base: textHash(document.loaded.text),
    data: unreadable.length === 0 && document.usable ? document.data : undefined,
    result,
    ...(signoffs ? { signoffs } : {}),
    unreadable,
  };
}

/**
 * The parser's errors as the page tells them: the common mistakes in the words `check` uses for
 * them, any other in one plain sentence, never the parser's own wording.
 */
function plainYamlProblems(document: ApplicationDocument): { line: number; message: string }[] {
  const { loaded } = document;
  const errors = loaded.document.errors;
  if (errors.length === 0) {
    // Encoding, nesting and alias problems: svmc's own words already.
    return loaded.findings.filter((f) => f.severity === 'error').map((f) => ({ line: f.location?.line ?? 1, message: f.message }));
  }
  const { parseDocument } = yamlLibrary();
  return explainYamlErrors(loaded.text, errors, (repaired) => parseDocument(repaired, { uniqueKeys: true }).errors).map((problem) => {
    // check keeps the parser's words in brackets at the end, for searching; the page leaves them out.
    if (!(problem instanceof Error)) return { line: problem.line, message: problem.message.replace(/ \([^()]*\)$/, '') };
    const line = problem.linePos?.[0].line ?? 1;
    if (problem.code === 'DUPLICATE_KEY') return { line, message: 'A key appears twice in the same place: keep one and merge what they hold.' };
    return { line, message: 'This line is not written the way svmc.yaml must be: compare its indentation, colons and quotes with the lines around it.' };
  });
}
