import { ROLES, ROLE_TITLES } from '../domain.js';
import { formatPercent, formatPounds } from '../fee/money.js';
import { isoDate, isoTime, levelLabel } from '../pdf/format.js';
import type { SummaryInput } from '../pdf/types.js';
import { type FormCriterion, formModel, signoffFor } from './model.js';

const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A link from the bag's root to a payload file: each segment percent-encoded, so any name works after unzipping. */
export function payloadHref(file: string): string {
  return `data/${file.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;color:#1f2937;max-width:70rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{border-left:4px solid #0f766e;padding-left:.5rem;margin-top:2rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #d1d5db}th{background:#f3f4f6}
code{font-size:.8rem;word-break:break-all}.met{color:#15803d}.missing{color:#b91c1c}.muted{color:#6b7280}
.statement{background:#f0fdfa;padding:.4rem .6rem;margin:.25rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}`;

function criterionSection(entry: FormCriterion): string {
  const { criterion } = entry;
  const state = entry.met ? '<span class="met">met</span>' : '<span class="missing">missing</span>';
  const statement = entry.statement ? `<p class="statement">${html(entry.statement)}</p>` : '<p class="muted">No statement is given.</p>';
  const rows = entry.evidence
    .map((item) => {
      const cells = [
        `<a href="${html(payloadHref(item.file))}"><code>${html(item.file)}</code></a>`,
        html(item.summary ?? ''),
        html(item.locator ?? ''),
        html(item.date ?? ''),
        html(item.area ?? ''),
        `<code>${html(item.sha256 ?? '—')}</code>`,
      ];
      return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const evidence = entry.evidence.length
    ? `<table><thead><tr><th>File</th><th>Summary</th><th>Where in the file</th><th>Date</th><th>Area</th><th>SHA-256</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : '<p class="missing">No evidence is mapped to this criterion.</p>';
  return `<section id="${html(criterion.id)}"><h3>${html(criterion.id)} ${html(criterion.title)} (${state})</h3>\n${statement}\n${evidence}</section>`;
}

/**
 * index.html at the bag's root: the application as an assessor reviews it, readable with
 * scripts off and no network, each evidence item a relative link into data/.
 */
export function renderReviewPage(input: SummaryInput): string {
  const model = formModel(input);
  const { data } = input;
  const title = `${data.applicant.organisation}: ${levelLabel(data)}`;
  const fee = input.fee
    ? `${formatPounds(input.fee.netPence)} net${input.fee.discountPence > 0 ? ` after a discount of ${formatPounds(input.fee.discountPence)}` : ''} + ${formatPounds(input.fee.vatPence)} VAT (${formatPercent(input.fee.vatRate)}) = ${formatPounds(input.fee.grossPence)}`
    : 'not known';
  const facts: [string, string][] = [
    ['Pack', input.packId],
    ['Pack date', isoDate(input.date)],
    ['Fee', fee],
    ...model.prerequisites.map((item): [string, string] => [item.label, item.hash ? `${item.value} (SHA-256 ${item.hash})` : item.value]),
  ];
  const signoffs = ROLES.map((role) => {
    const signoff = signoffFor(input, role);
    return `<tr><td>${html(ROLE_TITLES[role])}</td><td>${html(signoff.name)}</td><td>${html(signoff.jobTitle ?? '')}</td><td>${html(model.representatives.find((r) => r.role === role)?.email ?? '')}</td><td><code>${html(signoff.keyId ?? '—')}</code></td><td>${html(isoTime(signoff.signedAt))}</td><td>${html(signoff.status)}</td></tr>`;
  }).join('\n');
  const blockers = model.blockers
    ? `<section><h2>Draft: not for submission</h2>${
        model.blockers.length
          ? `<p>${model.blockers.length} error${model.blockers.length === 1 ? '' : 's'} stand between this draft and a submission:</p><ul>${model.blockers.map((f) => `<li><code>${html(f.code)}</code> ${html(f.message)}</li>`).join('')}</ul>`
          : '<p>The application has no errors: sign it off and pack it without --draft to submit it.</p>'
      }</section>`
    : '';
  const stages = model.stages
    .map((stage) => `<section><h2>${html(stage.title)}</h2>\n${stage.criteria.length ? stage.criteria.map(criterionSection).join('\n') : '<p class="muted">No criteria at this level.</p>'}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="muted">Social Value Management Certificate · criteria and evidence</p><h1>${html(title)}</h1></header>
${blockers}
<section><h2>Application</h2><dl>${facts.map(([label, value]) => `<dt>${html(label)}</dt><dd>${html(value)}</dd>`).join('')}</dl></section>
<section><h2>Sign-off</h2><table><thead><tr><th>Role</th><th>Name</th><th>Job title</th><th>Email</th><th>Key id</th><th>Signed</th><th>Status</th></tr></thead><tbody>
${signoffs}
</tbody></table></section>
${stages}
<footer><p class="muted">Full hashes are in manifest-sha256.txt; check the pack with svmc verify or any BagIt validator and minisign.</p></footer>
</body>
</html>
`;
}
