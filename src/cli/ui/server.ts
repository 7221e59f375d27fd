import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltPack } from '../../report/ui/pack.js';
import { ACTIONS } from './actions.js';
import { readJson } from './body.js';
import { cookieName, refusal } from './guard.js';
import { answerFor, HttpError } from './http-error.js';
import { ASSETS, PAGES, type PageContext } from './pages.js';

export interface UiServerOptions {
  /** The application folder. */
  dir: string;
  /** 0 for any free port. */
  port: number;
  token: string;
  /** The largest upload accepted, in bytes. */
  uploadLimit: number;
  /** Where an unexpected failure is told (the terminal that started the server). */
  onBug: (error: unknown) => void;
}

export interface UiServer {
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

/** Only this page's own origin: no inline script, style or handler, no frames, no forms elsewhere. */
const CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/** What every request the server answers shares: the folder, the limits and the packs built so far. */
export interface ServerContext extends PageContext {
  token: string;
  uploadLimit: number;
  /** A private folder for built packs: they never go into the application folder. */
  packDir: string;
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const packs: BuiltPack[] = [];
  const context: ServerContext = { dir: options.dir, token: options.token, uploadLimit: options.uploadLimit, packDir: await mkdtemp(join(tmpdir(), 'svmc-ui-')), packs };
  let port = options.port;
  const server = createServer((request, response) => {
    handle(request, response, context, port).catch((error: unknown) => {
      const answer = answerFor(error);
      if (!answer) options.onBug(error);
      // What the browser is still sending is read and dropped, so it gets the answer instead of a reset.
      request.resume();
      if (!response.headersSent) reply(response, answer?.status ?? 500, request.method === 'POST', answer?.message ?? 'Something went wrong inside svmc: the terminal that started it says what.');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(context.packDir, { recursive: true, force: true });
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, context: ServerContext, port: number): Promise<void> {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const refused = refusal(request, url, { port, token: context.token });
  if (refused) {
    request.resume();
    return reply(response, refused.status, request.method === 'POST', refused.message);
  }
  if (request.method === 'POST') {
    const action = ACTIONS[url.pathname];
    if (!action) throw new HttpError(404, 'There is no such action.');
    const body = action.raw ? undefined : await readJson(request);
    const answer = await action.run({ context, request, url, body });
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(answer));
  }
  if (url.searchParams.has('token')) {
    // The token moves to a cookie only this origin's own pages send, and leaves the address bar.
    url.searchParams.delete('token');
    response.setHeader('Set-Cookie', `${cookieName(port)}=${context.token}; HttpOnly; SameSite=Strict; Path=/`);
    response.setHeader('Location', `${url.pathname}${url.search}`);
    return send(response, 303, 'text/plain; charset=utf-8', '');
  }
  // Browsers ask for it on their own; the page has none.
  if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain; charset=utf-8', '');
  const asset = ASSETS[url.pathname];
  if (asset) {
    headers(response, asset.type);
    response.writeHead(200);
    createReadStream(asset.path).pipe(response);
    return;
  }
  if (url.pathname.startsWith('/download/')) return download(response, context, decodeURIComponent(url.pathname.slice('/download/'.length)));
  const page = PAGES[url.pathname];
  if (!page) throw new HttpError(404, 'There is no such page.');
  const made = await page(context);
  headers(response, made.type, made.csp);
  response.writeHead(200);
  response.end(made.body);
}

function download(response: ServerResponse, context: ServerContext, file: string): void {
  const pack = context.packs.find((p) => p.file === file);
  if (!pack) throw new HttpError(404, 'That pack is no longer here: build it again.');
  headers(response, 'application/zip');
  response.setHeader('Content-Disposition', `attachment; filename="${pack.file}"`);
  response.writeHead(200);
  createReadStream(join(context.packDir, pack.file)).pipe(response);
}

function headers(response: ServerResponse, type: string, csp = CSP): void {
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Security-Policy', csp);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  headers(response, type);
  response.writeHead(status);
  response.end(body);
}

/** A refusal: JSON for the page's script, a short page for a browser's visit. */
function reply(response: ServerResponse, status: number, json: boolean, message: string): void {
  if (json) send(response, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
  else send(response, status, 'text/plain; charset=utf-8', `${message}\n`);
}
