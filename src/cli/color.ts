import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

let enabled = false;

/** Colour only on a TTY, never with NO_COLOR set or --no-color; FORCE_COLOR=0 also turns it off. */
export function configureColor(options: { color?: boolean; stream?: NodeJS.WriteStream } = {}): void {
  const stream = options.stream ?? process.stdout;
  const env = process.env;
  enabled =
    options.color !== false &&
    !('NO_COLOR' in env && env.NO_COLOR !== '') &&
    env.FORCE_COLOR !== '0' &&
    Boolean(stream.isTTY);
}

export function colorEnabled(): boolean {
  return enabled;
}

export function paint(style: Style, text: string): string {
  return enabled ? styleText(style, text) : text;
}
