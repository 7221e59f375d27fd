import type { StatusResult } from '../../core/check/status.js';
import { LEVEL_NAMES, type Level } from '../../core/domain.js';
import { formatPercent, formatPounds } from '../../core/fee/index.js';
import type { FeeQuote } from '../../core/fee/types.js';
import { anchor, html, type Html } from './html.js';
import { findingTarget, unreadableNotice } from './parts.js';
import { forThePage } from './words.js';

interface SignoffState {
  title: string;
  name?: string;
  /** missing, stale, invalid or valid, as the judge says. */
  state: string;
}

export interface OverviewInput {
  organisation?: string;
  programme?: string;
  level?: Level;
  renewal: boolean;
  status: StatusResult;
  /** The fee, or why it cannot be worked out. */
  fee: FeeQuote | string;
  signoffs: SignoffState[];
  award?: { level: number; awarded: string; reference?: string; expiry: string; expired: boolean };
  unreadable: { line: number; message: string }[];
}

const STATE_WORDS: Record<string, string> = {
  missing: 'not signed yet',
  stale: 'out of date: something changed after signing',
  invalid: 'does not verify',
  valid: 'signed and up to date',
};

export function renderOverview(input: OverviewInput): Html {
  if (input.unreadable.length > 0) return unreadableNotice(input.unreadable);
  const { status } = input;
  const level = input.level === undefined ? 'level not set' : `level ${input.level} ${LEVEL_NAMES[input.level]}${input.renewal ? ' (renewal)' : ''}`;
  return html`<section aria-labelledby="who"><h2 id="who">${input.organisation ?? 'Organisation not named yet'}</h2>
<p class="lead">${input.programme ? html`Programme ${input.programme} · ` : ''}${level.charAt(0).toUpperCase()}${level.slice(1)} · ${status.overall.met} of ${status.overall.required} required criteria met (${status.overall.percent}%) · ${status.errors} to fix, ${status.warnings} to look at</p></section>
<section aria-labelledby="progress"><h2 id="progress">Progress per stage</h2>
<table class="matrix"><caption class="sr">Required criteria met in each stage of the cycle</caption>
<thead><tr><th scope="col">Stage</th><th scope="col">Met</th><th scope="col">Criteria</th></tr></thead>
<tbody>${status.stages.map(
    (stage) => html`<tr><th scope="row">${stage.title}</th><td>${stage.met}/${stage.required}</td><td><ul class="cells">${stage.criteria.map(
      (c) => html`<li><a class="${c.met ? 'met' : 'unmet'}" href="/criteria#${anchor('c', c.id)}" title="${c.title}">${c.id} <span class="sr">${c.met ? 'met' : 'not met'}</span><span aria-hidden="true">${c.met ? '✓' : '·'}</span></a></li>`,
    )}</ul></td></tr>`,
  )}</tbody></table></section>
<section aria-labelledby="next"><h2 id="next">What to do next</h2>${
    status.next.length === 0
      ? html`<p>Nothing is missing. Build the pack when both representatives have signed.</p>`
      : html`<ol class="next">${status.next.map((step) => html`<li class="${step.severity}"><a href="${findingTarget(step)}">${forThePage(step.message)}</a></li>`)}</ol>`
  }</section>
<div class="columns">
<section aria-labelledby="fee"><h2 id="fee">Fee</h2>${feeLines(input.fee)}</section>
<section aria-labelledby="signoffs"><h2 id="signoffs">Sign-offs</h2><ul>${input.signoffs.map(
    (s) => html`<li><strong>${s.title}</strong>${s.name ? html` (${s.name})` : ''}: ${STATE_WORDS[s.state] ?? s.state}</li>`,
  )}</ul><p><a href="/signoff">Review and sign</a></p></section>
<section aria-labelledby="award"><h2 id="award">Award in hand</h2>${
    input.award
      ? html`<p>Level ${input.award.level}, awarded ${input.award.awarded}${input.award.reference ? html` (${input.award.reference})` : ''}; ${input.award.expired ? 'expired' : 'valid until'} ${input.award.expiry}.</p>`
      : html`<p>No previous award is recorded. <a href="/details#awards">Add one</a> if the organisation holds one.</p>`
  }</section>
</div>`;
}

function feeLines(fee: FeeQuote | string): Html {
  if (typeof fee === 'string') return html`<p>${fee}. <a href="/details#f-applicant-membership-size">Set the size</a>.</p>`;
  return html`<dl class="fee"><dt>Fee</dt><dd>${formatPounds(fee.netPence)}</dd>${fee.discountPence > 0 ? html`<dt>Membership discount</dt><dd>−${formatPounds(fee.discountPence)}</dd>` : ''}<dt>VAT (${formatPercent(fee.vatRate)})</dt><dd>${formatPounds(fee.vatPence)}</dd><dt>To pay</dt><dd><strong>${formatPounds(fee.grossPence)}</strong></dd></dl>`;
}
