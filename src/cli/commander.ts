import { createRequire } from 'node:module';
import type * as Typed from '@commander-js/extra-typings';

// commander's own classes, seen through extra-typings' types (which infer each command's options
// from its declaration). Required as CommonJS: its ESM wrapper and the typings' runtime one each
// cost `svmc --help` several milliseconds more to load.
const commander = createRequire(import.meta.url)('commander') as typeof Typed;
export const { Argument, Command, Option } = commander;
export type Command = Typed.Command;
