import type { Level, Size } from '../../core/domain.js';
import { UsageError } from '../../core/errors.js';
import {
  computeFee,
  feeJourney,
  parseDiscount,
  parseLevel,
  parseSize,
  parseVatRate,
  readFeeTable,
  type FeeOptions,
} from '../../core/fee/index.js';
import { feeJson, journeyJson, renderFeeText, renderJourneyText } from '../../report/fee.js';
import { feeSettings } from '../../core/fee/settings.js';
import type { FeeSettings } from '../../core/application/types.js';
import { readFolderFeeFacts, type FolderFeeFacts } from '../../core/fee/from-folder.js';
import { out } from '../io.js';
import type { OptionsOf, defineFee } from '../program.js';

export type FeeCommandOptions = OptionsOf<typeof defineFee>;

export async function run(dir: string, options: FeeCommandOptions): Promise<number> {
  const feeOptions: FeeOptions = {
    ...(options.feeTable === undefined ? {} : { table: readFeeTable(options.feeTable) }),
    ...(options.vatRate === undefined ? {} : { vatRate: parseVatRate(options.vatRate) }),
    ...(options.discount === undefined ? {} : { discount: parseDiscount(options.discount) }),
  };
  const needsFolder = options.size === undefined || (!options.journey && options.level === undefined && !options.renewal);
  const facts = needsFolder ? await readFolderFeeFacts(dir) : undefined;
  if (needsFolder && !facts) {
    const missing = [options.size === undefined && '--size', !options.journey && options.level === undefined && '--level'];
    throw new UsageError(
      `no svmc.yaml in ${dir}: pass ${missing.filter(Boolean).join(' and ')} (or --dir with an application folder)`,
    );
  }
  // What svmc.yaml's application.fee asks for, unless a flag says otherwise.
  Object.assign(feeOptions, { ...feeSettings(facts?.fee as FeeSettings | undefined), ...feeOptions });
  const size = sizeOf(options, facts);
  if (options.journey) {
    const renewals = parseRenewals(options.renewals);
    const journey = feeJourney(size, { ...feeOptions, renewals });
    out(options.format === 'json' ? JSON.stringify(journeyJson(journey), null, 2) : renderJourneyText(journey));
    return 0;
  }
  const { level, renewal } = levelOf(options, facts);
  const quote = computeFee({ size, level, renewal }, feeOptions);
  out(options.format === 'json' ? JSON.stringify(feeJson(quote), null, 2) : renderFeeText(quote));
  return 0;
}

function sizeOf(options: FeeCommandOptions, facts: FolderFeeFacts | undefined): Size {
  if (options.size !== undefined) return parseSize(options.size, '--size');
  if (facts?.size === undefined) throw new UsageError('svmc.yaml has no applicant.membership.size: add it, or pass --size');
  return parseSize(String(facts.size), 'applicant.membership.size in svmc.yaml');
}

function levelOf(options: FeeCommandOptions, facts: FolderFeeFacts | undefined): { level: Level; renewal: boolean } {
  if (options.level !== undefined) return { level: parseLevel(options.level, '--level'), renewal: options.renewal === true };
  if (options.renewal) return { level: 3, renewal: true };
  if (facts?.level === undefined) throw new UsageError('svmc.yaml has no application.level: add it, or pass --level');
  return { level: parseLevel(String(facts.level), 'application.level in svmc.yaml'), renewal: facts.renewal === true };
}

function parseRenewals(text: string): number {
  if (!/^\d{1,2}$/.test(text.trim())) throw new UsageError(`--renewals "${text}" is not a whole number from 0 to 99`);
  return Number(text.trim());
}
