/**
 * A finding's message as the page says it: where it tells what to type at a terminal, the page
 * has a field or a button for it instead, so the command is left out or the page is named.
 */
export function forThePage(message: string): string {
  return message
    .replace(/,? ?run `svmc sign [^`]*`(?: \([^)]*\))?/, ', sign on the Sign-off page')
    .replace(/[Ss]ign again with `svmc sign [^`]*`(?: \([^)]*\))?/, (found) => `${found.startsWith('S') ? 'S' : 's'}ign again on the Sign-off page`)
    .replace(/ with "svmc (?:map|statement) [^"]*"/, '')
    .replace(/ \(svmc (?:map|statement) [A-Z ]+\)/, '')
    .replace(/once the application is complete, sign on the Sign-off page/, 'sign on the Sign-off page once the application is complete')
    .replace(/[^.!?)]$/, (last) => `${last}.`);
}
