import type { styleText } from 'node:util';

export type Style = Parameters<typeof styleText>[0];

/** Colours a piece of text, or leaves it as it is: the caller decides whether colour is wanted. */
export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;
