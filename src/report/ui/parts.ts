import type { FindingLocation, Severity } from '../../core/findings.js';
import { anchor, html, type Html } from './html.js';
import { forThePage } from './words.js';

/** Where on the pages a finding is fixed: its criterion, or the detail of svmc.yaml it names. */
export function findingTarget(step: { criteria?: string[]; criterion?: string; location?: FindingLocation; code: string }): string {
  const criterion = step.criterion ?? step.criteria?.[0];
  if (criterion !== undefined) return `/criteria#${anchor('c', criterion)}`;
  if (step.code.startsWith('SIGNOFF_')) return '/signoff';
  if (step.location?.file === 'svmc.yaml' || step.location === undefined) return '/details';
  return '/criteria';
}

export function unreadableNotice(problems: { line: number; message: string }[]): Html {
  return html`<section class="problem" aria-labelledby="unreadable"><h2 id="unreadable">svmc.yaml cannot be read</h2>
<p>Nothing can be shown or changed here until svmc.yaml is fixed in an editor. Then reload this page.</p>
<ul>${problems.map((p) => html`<li>Line ${p.line}: ${p.message}</li>`)}</ul></section>`;
}

const SEVERITY_WORDS: Record<Severity, string> = { error: 'To fix', warning: 'To look at', info: 'Note' };

/** Findings in plain words, each linking to the field that fixes it. */
export function findingList(findings: { severity: Severity; message: string; target: string }[]): Html {
  if (findings.length === 0) return html``;
  return html`<ul class="findings">${findings.map((f) => html`<li class="${f.severity}"><span class="tag">${SEVERITY_WORDS[f.severity]}:</span> <a href="${f.target}">${forThePage(f.message)}</a></li>`)}</ul>`;
}

/** A labelled input whose findings stand next to it. */
export function textField(options: { id: string; name: string; label: string; value?: string | number; type?: string; hint?: string; problems?: string[]; list?: string; required?: boolean }): Html {
  const described = [options.hint ? `${options.id}-hint` : '', options.problems?.length ? `${options.id}-problems` : ''].filter(Boolean).join(' ');
  return html`<div class="field${options.problems?.length ? ' invalid' : ''}"><label for="${options.id}">${options.label}</label>${options.hint ? html`<span class="hint" id="${options.id}-hint">${options.hint}</span>` : ''}
<input id="${options.id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${options.list ? html` list="${options.list}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${options.problems?.length ? html` aria-invalid="true"` : ''}>
${problemList(options.id, options.problems)}</div>`;
}

export function selectField(options: { id: string; name: string; label: string; value?: string; choices: readonly { value: string; label: string }[]; problems?: string[] }): Html {
  return html`<div class="field${options.problems?.length ? ' invalid' : ''}"><label for="${options.id}">${options.label}</label>
<select id="${options.id}" name="${options.name}"${options.problems?.length ? html` aria-describedby="${options.id}-problems" aria-invalid="true"` : ''}>${options.choices.map(
    (c) => html`<option value="${c.value}"${c.value === (options.value ?? '') ? ' selected' : ''}>${c.label}</option>`,
  )}</select>${problemList(options.id, options.problems)}</div>`;
}

function problemList(id: string, problems: string[] | undefined): Html {
  if (!problems?.length) return html``;
  return html`<ul class="problems" id="${id}-problems">${problems.map((p) => html`<li>${forThePage(p)}</li>`)}</ul>`;
}
