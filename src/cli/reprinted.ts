import { err } from './io.js';

/** Says so when svmc.yaml could not be edited in place and was printed anew, changing its layout. */
export function noteReprinted(reprinted: boolean): void {
  if (reprinted) err('svmc: svmc.yaml was laid out anew (comments kept): its layout could not take the change in place');
}
