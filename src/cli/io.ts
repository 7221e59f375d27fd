import { createReadStream } from 'node:fs';
import { once } from 'node:events';

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prompts only when a person is there to answer them. */
export function canPrompt(yes?: boolean): boolean {
  return !yes && Boolean(process.stdin.isTTY) && process.env.CI !== 'true';
}

/** Streams a finished file to standard output, waiting whenever the reader is slower. */
export async function copyToStdout(path: string): Promise<void> {
  for await (const chunk of createReadStream(path)) {
    if (!process.stdout.write(chunk as Buffer)) await once(process.stdout, 'drain');
  }
}
