import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** A form's fields are small; an application's statements together stay far below this. */
const JSON_LIMIT = 1024 * 1024;

/** The request's JSON body as a map of strings (what the page's forms send). */
export async function readJson(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > JSON_LIMIT) throw new HttpError(413, 'That is too much text to send at once.');
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The page sent something that could not be read: reload it and try again.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, 'The page sent something that could not be read: reload it and try again.');
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') fields[key] = value;
  return fields;
}
