import { ROLE_TITLES, type Role } from '../../core/domain.js';
import { html, type Html } from './html.js';
import { apiForm } from './layout.js';
import { findingList, unreadableNotice } from './parts.js';
import type { FindingView } from './criteria.js';

export interface SignoffInput {
  base: string;
  /** The review `svmc sign` shows, line by line, for each role. */
  reviews: { role: Role; lines: string[]; state: string }[];
  /** Errors to fix before anyone can sign. */
  blocking: FindingView[];
  unreadable: { line: number; message: string }[];
}

export function renderSignoff(input: SignoffInput): Html {
  if (input.unreadable.length > 0) return unreadableNotice(input.unreadable);
  const blocked =
    input.blocking.length > 0
      ? html`<section class="problem" aria-labelledby="blocked"><h2 id="blocked">Fix these before signing</h2>${findingList(input.blocking)}</section>`
      : html``;
  return html`${blocked}${input.reviews.map(
    (review) => html`<section aria-labelledby="r-${review.role}"><h2 id="r-${review.role}">${ROLE_TITLES[review.role]}</h2>
<pre class="review">${review.lines.join('\n')}</pre>
${
  input.blocking.length > 0
    ? html``
    : apiForm(
        '/api/sign',
        input.base,
        html`<input type="hidden" name="role" value="${review.role}">
<div class="row"><div class="field"><label for="key-${review.role}">Key file on this computer</label><span class="hint" id="key-${review.role}-hint">Made with "svmc keygen", e.g. ~/.config/svmc/${review.role}.key</span><input id="key-${review.role}" name="keyFile" aria-describedby="key-${review.role}-hint" autocomplete="off"></div>
<div class="field"><label for="pass-${review.role}">Passphrase of the key</label><span class="hint" id="pass-${review.role}-hint">Leave it empty for a key made without one</span><input id="pass-${review.role}" name="passphrase" type="password" aria-describedby="pass-${review.role}-hint" autocomplete="off"></div></div>`,
        { label: `Sign as the ${ROLE_TITLES[review.role]}` },
      )
}</section>`,
  )}
<section aria-labelledby="draft"><h2 id="draft">Senior leader signing elsewhere?</h2>
<p>Build a draft pack and send it: they sign it with "svmc sign --pack", and the lead files the sign-off with "svmc signoff add".</p>
${apiForm('/api/pack', input.base, html`<input type="hidden" name="draft" value="true">`, { label: 'Build a draft pack to send' })}</section>`;
}
