import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header the page's script sends with every change: a cross-site form or image can never set it. */
const REQUEST_HEADER = 'x-svmc-request';

export interface GuardOptions {
  port: number;
  token: string;
}

export interface Refusal {
  status: 403 | 405;
  message: string;
}

/** The cookie that carries the token after the first visit; named for the port, as cookies are shared across a host's ports. */
export const cookieName = (port: number): string => `svmc-token-${port}`;

/**
 * Why a request must not be served, or undefined. A page from anywhere can reach a server on
 * 127.0.0.1: the Host header stops DNS rebinding, the token stops any request that does not come
 * from the address svmc printed, and a change must come from this origin, by script (a custom
 * header and a JSON or binary body, which a cross-site form cannot send without asking first).
 */
export function refusal(request: IncomingMessage, url: URL, options: GuardOptions): Refusal | undefined {
  const hosts = [`127.0.0.1:${options.port}`, `localhost:${options.port}`];
  if (!hosts.includes(request.headers.host ?? '')) return { status: 403, message: 'This address is only served as http://127.0.0.1 on its own port.' };
  if (!tokenGiven(request, url, options)) return { status: 403, message: 'Open the address svmc printed, with its token.' };
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (method !== 'POST') return { status: 405, message: 'Only GET and POST are served.' };
  if (!hosts.map((host) => `http://${host}`).includes(request.headers.origin ?? '')) return { status: 403, message: 'A change must come from this page.' };
  if (request.headers['sec-fetch-site'] !== undefined && request.headers['sec-fetch-site'] !== 'same-origin') return { status: 403, message: 'A change must come from this page.' };
  if (request.headers[REQUEST_HEADER] !== '1') return { status: 403, message: 'A change must be sent by the page\'s own script.' };
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/octet-stream') return { status: 403, message: 'A change must be sent as JSON or as a file.' };
  return undefined;
}

function tokenGiven(request: IncomingMessage, url: URL, options: GuardOptions): boolean {
  const given = url.searchParams.get('token') ?? cookieOf(request, cookieName(options.port));
  return given !== undefined && same(given, options.token);
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
