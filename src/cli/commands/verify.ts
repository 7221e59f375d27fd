import { readFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import { verifyPack } from '../../core/verify/index.js';
import { renderVerifyJson, renderVerifyText } from '../../report/verify.js';
import { paint } from '../color.js';
import { out } from '../io.js';

export interface VerifyCommandOptions {
  trust?: string[];
  format: 'text' | 'json';
}

/** Exit 0 when the pack is valid, 1 when it is not, 2 when it cannot be read at all. */
export async function run(pack: string, options: VerifyCommandOptions): Promise<number> {
  const trust = await Promise.all(
    (options.trust ?? []).map(async (file) => {
      try {
        return { file, text: await readFile(file, 'utf8') };
      } catch (error) {
        throw new UsageError(`cannot read --trust ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }),
  );
  const result = await verifyPack(pack, { trust });
  out(options.format === 'json' ? renderVerifyJson(result) : renderVerifyText(result, paint));
  return result.valid ? 0 : 1;
}
