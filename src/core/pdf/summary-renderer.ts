import type { Finding } from '../findings.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { SummaryInput } from './types.js';

/** Makes summary.pdf while the payload streams; the same input gives the same bytes either way. */
export interface SummaryRenderer {
  render(input: SummaryInput): Promise<RenderedSummary>;
  /** Stops a worker still running; safe to call more than once. */
  close(): void;
}

/** What crosses to the worker: plain data only, the date as an ISO string. */
export type WireSummaryInput = Omit<SummaryInput, 'date'> & { date: string };
interface RenderedSummary {
  bytes: Uint8Array;
  /** Characters no embedded font could draw, shown as placeholders. */
  warnings: Finding[];
}
export type WorkerReply = RenderedSummary | { error: string };

/** The worker bundled into one file by the build (scripts/bundle-summary-worker.js), or else its modules. */
const WORKER_FILE = ['./summary-worker.bundle.js', './summary-worker.js'].map((file) => fileURLToPath(new URL(file, import.meta.url))).find((file) => existsSync(file));

/** Renders on this thread: the fallback, and what the worker must match byte for byte. */
export function inProcessRenderer(): SummaryRenderer {
  return {
    render: async (input) => {
      const { bytes, warnings } = await (await import('./render-summary.js')).renderSummaryWithWarnings(input);
      return { bytes, warnings };
    },
    close: () => undefined,
  };
}

/**
 * Starts a worker thread at once, so it loads pdf-lib and the fonts while the folder is checked,
 * and renders there while this thread hashes and writes the payload. Falls back to rendering here
 * when no worker can run (sources run without a build, a worker that fails or dies).
 */
const stopped = (): Error => new Error('the summary was not rendered: it was no longer needed');

export async function startSummaryRenderer(): Promise<SummaryRenderer> {
  if (WORKER_FILE === undefined) return inProcessRenderer();
  let worker: Worker;
  try {
    const { Worker } = await import('node:worker_threads');
    worker = new Worker(WORKER_FILE);
  } catch {
    return inProcessRenderer();
  }
  // Until asked to render, the worker must not keep the process alive (a refused pack never asks).
  worker.unref();
  // A worker renders once; one that failed, died or already rendered leaves the work to this thread.
  let usable = true;
  let closed = false;
  const fail = (): void => {
    usable = false;
  };
  worker.on('error', fail).on('exit', fail);
  return {
    async render(input) {
      if (closed) throw stopped();
      if (!usable) return inProcessRenderer().render(input);
      usable = false;
      const reply = await new Promise<WorkerReply | undefined>((resolve) => {
        worker.ref();
        worker.once('message', (message: WorkerReply) => resolve(message));
        worker.once('error', () => resolve(undefined));
        worker.once('exit', () => resolve(undefined));
        try {
          worker.postMessage({ ...input, date: input.date.toISOString() } satisfies WireSummaryInput);
        } catch {
          resolve(undefined);
        }
      });
      void worker.terminate();
      if (reply && 'bytes' in reply) return reply;
      // Closed because the pack failed or was interrupted: nothing is waiting for a PDF any more.
      if (closed) throw stopped();
      return inProcessRenderer().render(input);
    },
    close() {
      closed = true;
      void worker.terminate();
    },
  };
}
