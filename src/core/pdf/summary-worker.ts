import { parentPort } from 'node:worker_threads';
import type { WireSummaryInput, WorkerReply } from './summary-renderer.js';

// Loaded before any input arrives: this is the slow part, and it overlaps the folder's check.
const renderer = import('./render-summary.js');
const preload = Promise.all([import('./document.js'), import('fontkit')]).catch(() => undefined);

parentPort?.once('message', (wire: WireSummaryInput) => {
  void (async (): Promise<void> => {
    let reply: WorkerReply;
    try {
      await preload;
      const { renderSummaryWithWarnings } = await renderer;
      const { bytes, warnings } = await renderSummaryWithWarnings({ ...wire, date: new Date(wire.date) });
      reply = { bytes, warnings };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort?.postMessage(reply);
  })();
});
