import type { Finding } from '../../core/findings.js';
import { html, type Html } from './html.js';
import { apiForm } from './layout.js';

export interface BuiltPack {
  /** The zip's file name, offered for download. */
  file: string;
  packId: string;
  draft: boolean;
  payloadFiles: number;
  zipBytes: number;
  /** What building it noted. */
  findings: Finding[];
  verify: { valid: boolean; findings: Finding[] };
}

export interface PackInput {
  base: string;
  built: BuiltPack[];
}

export function renderPack(input: PackInput): Html {
  const forms = html`<div class="columns">
<section aria-labelledby="draft"><h2 id="draft">Draft pack</h2><p>Unsigned and marked DRAFT: for the senior leader to sign, or to look over. Built whatever is still missing.</p>
${apiForm('/api/pack', input.base, html`<input type="hidden" name="draft" value="true">`, { label: 'Build a draft pack' })}</section>
<section aria-labelledby="final"><h2 id="final">Final pack</h2><p>Signed by both representatives, for submission. Built only when nothing is left to fix.</p>
${apiForm('/api/pack', input.base, html`<input type="hidden" name="draft" value="false">`, { label: 'Build the final pack' })}</section></div>`;
  if (input.built.length === 0) return html`${forms}<p>No pack has been built since svmc ui started. Built packs are kept outside the application folder until it stops.</p>`;
  return html`${forms}<section aria-labelledby="built"><h2 id="built">Packs built</h2>${[...input.built].reverse().map(
    (pack) => html`<article class="built"><h3>${pack.draft ? 'Draft ' : ''}${pack.packId}</h3>
<p>${pack.payloadFiles} files, ${(pack.zipBytes / 1e6).toFixed(2)} MB. Verified as the assessor will: <strong class="${pack.verify.valid ? 'met' : 'unmet'}">${pack.verify.valid ? 'valid' : pack.draft ? 'a draft, not for submission' : 'not valid'}</strong>.</p>
${pack.verify.findings.length > 0 ? html`<ul class="findings">${pack.verify.findings.map((f) => html`<li class="${f.severity}">${f.message}</li>`)}</ul>` : ''}
<p><a class="button" href="/download/${encodeURIComponent(pack.file)}" download="${pack.file}">Download ${pack.file}</a></p></article>`,
  )}</section>`;
}
