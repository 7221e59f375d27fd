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
