import { styleText } from 'node:util';
import type { Style } from '../report/paint.js';


let enabled = false;

/**
 * Whether to colour, in the order tools agree on: --no-color, then FORCE_COLOR (0 turns colour
 * off, any other value on), then NO_COLOR, then TERM=dumb, then whether the stream is a terminal.
 */
export function colorWanted(options: { color?: boolean; stream?: { isTTY?: boolean }; env?: NodeJS.ProcessEnv } = {}): boolean {
  const env = options.env ?? process.env;
  if (options.color === false) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return Boolean((options.stream ?? process.stdout).isTTY);
}

export function configureColor(options: { color?: boolean } = {}): void {
  enabled = colorWanted(options);
}

export function colorEnabled(): boolean {
  return enabled;
}

export function paint(style: Style, text: string): string {
  // The choice is made above; styleText's own look at the stream would undo FORCE_COLOR.
  return enabled ? styleText(style, text, { validateStream: false }) : text;
}
