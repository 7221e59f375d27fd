import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { isInside } from '../../core/fs/inside.js';
import { copyToTarget, resolveOutputTarget } from '../../core/fs/output-target.js';
import { VERSION } from '../version.js';
import type { Finding } from '../../core/findings.js';
import { PackRefusedError } from '../../core/pack/errors.js';
import { resolvePackDate } from '../../core/pack/pack-date.js';
import { startSummaryRenderer } from '../../core/pdf/summary-renderer.js';
import { paint } from '../color.js';
import { renderFindingList } from '../../report/finding-list.js';
import { plural } from '../../report/words.js';
import { copyToStdout, err, out } from '../io.js';
import type { OptionsOf, definePack } from '../program.js';

export type PackCommandOptions = OptionsOf<typeof definePack>;

/** Below this much payload a pack takes well under a second: no bar. */
const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

export async function run(dir: string, options: PackCommandOptions): Promise<number> {
  const date = resolvePackDate(options.date, process.env.SOURCE_DATE_EPOCH, new Date());
  const output = options.out === undefined ? undefined : await resolveOutputTarget(options.out);
  // A zip is written with seeks: a device, a FIFO or standard output gets a finished one, copied from a private folder.
  const staging = output === undefined || output.kind === 'file' ? undefined : await mkdtemp(join(tmpdir(), 'svmc-pack-'));
  const target = output === undefined ? undefined : output.kind === 'file' ? output.path : join(staging!, 'pack.zip');
  const controller = new AbortController();
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // The PDF worker starts loading before the check and the pack code do, on the other core.
  const renderer = await startSummaryRenderer();
  const startProgress = await progressBars();
  let progress: Progress | undefined;
  try {
    const [{ packApplication }, { openApplication }] = await Promise.all([import('../../core/pack/pack.js'), import('../../core/application/open.js')]);
    const app = await openApplication(dir);
    if (output?.kind === 'stream' && isInside(app.root, output.path)) {
      throw new UsageError(`cannot write ${output.shown}: it lies inside the application folder, and a pack never goes there; write it outside`);
    }
    const result = await packApplication(app, target ?? ((packId) => defaultPackPath(app.root, packId)), {
      renderer,
      date,
      draft: options.draft === true,
      software: `svmc ${VERSION}`,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done === 0 && total >= PROGRESS_MIN_BYTES) progress = startProgress?.(total);
        progress?.update(done);
      },
    });
    progress?.stop();
    if (output?.kind === 'stdout') await copyToStdout(result.out);
    else if (output?.kind === 'stream') await copyToTarget(result.out, output);
    showFindings([...result.findings.filter((f) => f.severity !== 'error' || result.draft), ...result.summaryWarnings]);
    const files = plural(result.payloadFiles, 'file');
    const draft = result.draft ? `${paint('yellow', 'DRAFT')} (unsigned, not for submission) ` : '';
    const line = `Packed ${draft}${output?.shown ?? shown(result.out)}: ${files}, ${megabytes(result.zipBytes)} in ${result.name}/, pack id ${paint('bold', result.packId)}`;
    // The zip itself may be on standard output: then the words go to standard error.
    (output?.kind === 'stdout' ? err : out)(line);
    return 0;
  } catch (error) {
    progress?.stop();
    if (interrupted) {
      err(`svmc: pack interrupted (${interrupted}); nothing was written${options.out === undefined ? "" : ` to ${options.out}`}`);
      return 130;
    }
    if (error instanceof PackRefusedError) {
      showFindings(error.findings);
      err(`svmc: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    renderer.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `<pack id>.zip` in the current folder, or beside the application when the current folder is inside it: a pack never goes into its folder. */
function defaultPackPath(root: string, packId: string): string {
  const here = process.cwd();
  return join(isInside(root, here) ? dirname(root) : here, `${packId}.zip`);
}

/** A path as short as it can be said from here. */
function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near !== '' && !isAbsolute(near) ? near : path;
}

function showFindings(findings: Finding[]): void {
  for (const line of renderFindingList(findings, { paint })) err(line);
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A bar on stderr for a person watching a terminal; nothing at all in CI logs or pipes. */
async function progressBars(): Promise<((total: number) => Progress) | undefined> {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  return (total) => {
    const mib = (bytes: number): number => Math.round(bytes / 1048576);
    const bar = new SingleBar(
      { format: 'Packing [{bar}] {percentage}% | {value}/{total} MiB | {eta_formatted} left', stream: process.stderr, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    bar.start(mib(total), 0);
    return { update: (done) => bar.update(mib(done)), stop: () => bar.stop() };
  };
}
