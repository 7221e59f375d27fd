import type { ApplicationData } from '../application/types.js';

/** A value as bag-info.txt holds it: on one line, spaces collapsed. */
export const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/**
 * The lines of bag-info.txt that restate svmc.yaml (organisation, contact, level), in the order
 * the file gives them. Verify compares them with the signed svmc.yaml, as bag-info.txt is not signed.
 */
export function applicationLines(data: ApplicationData): [string, string | undefined][] {
  const lead = data.representatives?.lead;
  const organisation =
    data.applicant.scope === 'programme' && data.applicant.programme
      ? `${data.applicant.organisation} (${data.applicant.programme})`
      : data.applicant.organisation;
  const level = data.application.renewal === true ? `${data.application.level} (renewal)` : `${data.application.level}`;
  return [
    ['Source-Organization', organisation],
    ['Contact-Name', lead?.name],
    ['Contact-Email', lead?.email],
    ['SVMC-Level', level],
  ];
}
