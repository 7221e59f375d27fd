import { FileReadError, READ_LIMITS, readRegularFile } from '../../core/fs/read-file.js';
import { UsageError } from '../../core/errors.js';
import { verifyPack } from '../../core/verify/verify-pack.js';
import { renderVerifyJson, renderVerifyText } from '../../report/verify.js';
import { paint } from '../color.js';
import { out } from '../io.js';
import type { OptionsOf, defineVerify } from '../program.js';

export type VerifyCommandOptions = OptionsOf<typeof defineVerify>;

/** Exit 0 when the pack is valid, 1 when it is not, 2 when it cannot be read at all. */
export async function run(pack: string, options: VerifyCommandOptions): Promise<number> {
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
  const result = await verifyPack(pack, { trust });
  out(options.format === 'json' ? renderVerifyJson(result) : renderVerifyText(result, paint));
  return result.valid ? 0 : 1;
}
