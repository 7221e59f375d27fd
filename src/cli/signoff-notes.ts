import { signAdvice } from '../core/signing/sign-hint.js';
import type { AffectedSignoff } from '../core/signing/watch-signoffs.js';
import { renderAffectedSignoffs } from '../report/signoff-words.js';
import { paint } from './color.js';
import { err } from './io.js';

/** Says, where a change is made, which sign-offs it made stale and how to sign again. */
export function announceAffected(affected: readonly AffectedSignoff[]): void {
  for (const line of renderAffectedSignoffs(affected, ({ role, registered }) => signAdvice(role, registered))) err(`svmc: ${paint('yellow', 'warning:')} ${line}`);
}
