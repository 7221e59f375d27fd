import { FileReadError, READ_LIMITS, readRegularFile } from '../../core/fs/read-file.js';
import { UsageError } from '../../core/errors.js';
import { verifyPack } from '../../core/verify/verify-pack.js';
import type { VerifyResult } from '../../core/verify/types.js';
import { renderVerifyJson, renderVerifyText, type UnreadablePath } from '../../report/verify.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import type { OptionsOf, defineVerify } from '../program.js';
import { VERSION } from '../version.js';

export type VerifyCommandOptions = OptionsOf<typeof defineVerify>;

/**
 * One report for every PATH, each judged on its own: exit 0 when all are valid, 1 when one is not,
 * 2 when one cannot be read (the others are still judged and reported).
 */
export async function run(paths: string[], options: VerifyCommandOptions): Promise<number> {
  const trust = await Promise.all(
    (options.trust ?? []).map(async (file) => {
      try {
        return { file, text: (await readRegularFile(file, READ_LIMITS.key)).toString('utf8') };
      } catch (error) {
        if (!(error instanceof FileReadError)) throw error;
        const why = error.reason === 'too-large' ? 'it is far too large to be a public key' : `it ${error.detail}`;
        throw new UsageError(`cannot read --trust ${file}: ${why}`);
      }
    }),
  );
  const results: VerifyResult[] = [];
  const unreadable: UnreadablePath[] = [];
  for (const path of paths) {
    try {
      results.push(await verifyPack(path, { trust, bagitOnly: options.bagitOnly === true, strict: options.strict === true }));
    } catch (error) {
      if (!(error instanceof UsageError) || paths.length === 1) throw error;
      unreadable.push({ path, problem: error.message });
    }
  }
  if (results.length === 0) throw new UsageError(unreadable.map((u) => u.problem).join('; '));
  out(options.format === 'json' ? renderVerifyJson(results, VERSION, unreadable) : renderVerifyText(results, paint, unreadable));
  for (const { problem } of unreadable) err(`svmc: ${problem}`);
  if (unreadable.length > 0) return 2;
  return results.every((result) => result.valid) ? 0 : 1;
}
