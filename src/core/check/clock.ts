/**
 * The time the rules judge against. It notes the first moment still to come that a rule compared
 * with, so a kept check result ends exactly when some verdict would change.
 */
export class Clock {
  private next: number | undefined;

  constructor(readonly now: Date) {}

  /** Whether `instant` (ms since the epoch) has come. */
  reached(instant: number): boolean {
    if (instant <= this.now.getTime()) return true;
    if (this.next === undefined || instant < this.next) this.next = instant;
    return false;
  }

  /** The first moment a verdict read from this clock changes, if any will. */
  get changesAt(): number | undefined {
    return this.next;
  }
}
