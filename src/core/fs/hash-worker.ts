import { parentPort } from 'node:worker_threads';
import { digestFile, digestRange } from './file-digest.js';
import type { HashReply, HashRequest } from './parallel-hash.js';

parentPort?.on('message', (request: HashRequest) => {
  let reply: HashReply;
  try {
    const digest = 'path' in request ? digestFile(request.path) : digestRange(request.fd, request.start, request.length, request.algorithms);
    reply = { id: request.id, ...digest };
  } catch (error) {
    reply = { id: request.id, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
