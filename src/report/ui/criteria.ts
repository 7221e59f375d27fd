import type { Criterion } from '../../core/catalogue/types.js';
import type { Severity } from '../../core/findings.js';
import { anchor, html, type Html } from './html.js';
import { apiForm } from './layout.js';
import { findingList, textField, unreadableNotice } from './parts.js';

interface ItemView {
  file: string;
  summary?: string;
  date?: string;
  area?: string;
  locator?: string;
}

export interface FindingView {
  severity: Severity;
  message: string;
  /** The link to the field that fixes it. */
  target: string;
}

export interface CriterionView {
  criterion: Criterion;
  met: boolean;
  statement?: string;
  items: ItemView[];
  findings: FindingView[];
}

export interface CriteriaInput {
  base: string;
  stages: { title: string; criteria: CriterionView[] }[];
  /** Files under evidence/, for choosing one already there. */
  files: string[];
  /** The largest upload accepted, in megabytes. */
  uploadLimitMb: number;
  unreadable: { line: number; message: string }[];
}

export function renderCriteria(input: CriteriaInput): Html {
  if (input.unreadable.length > 0) return unreadableNotice(input.unreadable);
  return html`<nav aria-label="Stages" class="toc"><ul>${input.stages.map(
    (stage) => html`<li><a href="#${anchor('s', stage.title)}">${stage.title}</a>: ${stage.criteria.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="#${anchor('c', c.criterion.id)}" class="${c.met ? 'met' : 'unmet'}">${c.criterion.id}</a>`)}</li>`,
  )}</ul></nav>
<datalist id="evidence-files">${input.files.map((file) => html`<option value="${file}"></option>`)}</datalist>
${input.stages.map((stage) => html`<section aria-labelledby="${anchor('s', stage.title)}"><h2 id="${anchor('s', stage.title)}">${stage.title}</h2>${stage.criteria.map((c) => criterionSection(c, input))}</section>`)}`;
}

function criterionSection(view: CriterionView, input: CriteriaInput): Html {
  const { criterion } = view;
  const id = anchor('c', criterion.id);
  return html`<article class="criterion" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${criterion.id} ${criterion.title} <span class="badge ${view.met ? 'met' : 'unmet'}">${view.met ? 'met' : criterion.required ? 'not met yet' : 'optional'}</span></h3>
<p>${criterion.description}</p>
<details><summary>Evidence that suits it</summary><ul>${criterion.evidence.map((kind) => html`<li>${kind}</li>`)}</ul></details>
${findingList(view.findings)}
${apiForm(
  '/api/statement',
  input.base,
  html`<input type="hidden" name="criterion" value="${criterion.id}"><div class="field"><label for="${anchor('st', criterion.id)}">Statement: how the organisation meets ${criterion.id}</label><textarea id="${anchor('st', criterion.id)}" name="statement" rows="3">${view.statement ?? ''}</textarea></div>`,
  { label: 'Save statement' },
)}
<h4>Evidence (${view.items.length})</h4>
${view.items.length === 0 ? html`<p>No evidence is mapped yet.</p>` : view.items.map((item, index) => itemForms(criterion.id, item, index, input.base))}
${addForm(criterion.id, input)}
</article>`;
}

function itemFields(prefix: string, item: Partial<ItemView>): Html {
  return html`<div class="row">${textField({ id: `${prefix}-summary`, name: 'summary', label: 'What it shows', value: item.summary })}${textField({ id: `${prefix}-date`, name: 'date', label: 'Date', type: 'date', value: item.date })}${textField({ id: `${prefix}-area`, name: 'area', label: 'Area of the organisation', value: item.area })}${textField({ id: `${prefix}-locator`, name: 'locator', label: 'Page or section', value: item.locator })}</div>`;
}

function itemForms(criterion: string, item: ItemView, index: number, base: string): Html {
  const prefix = anchor('i', criterion, index);
  const hidden = html`<input type="hidden" name="criterion" value="${criterion}"><input type="hidden" name="file" value="${item.file}">`;
  return html`<div class="item" id="${prefix}"><p class="file">${item.file}</p>
${apiForm('/api/evidence/remove', base, hidden, { label: `Remove ${item.file.split('/').pop()} from ${criterion}`, className: 'api remove', confirm: `Remove ${item.file} from ${criterion}? The file itself stays in the folder.` })}
${apiForm('/api/evidence/edit', base, html`${hidden}${itemFields(prefix, item)}`, { label: 'Save', className: 'api inline' })}
</div>`;
}

function addForm(criterion: string, input: CriteriaInput): Html {
  const prefix = anchor('add', criterion);
  return html`<details class="add"><summary id="${prefix}-open">Add evidence to ${criterion}</summary>
${apiForm(
  '/api/evidence/add',
  input.base,
  html`<input type="hidden" name="criterion" value="${criterion}">
<div class="row">${textField({ id: `${prefix}-file`, name: 'file', label: 'A file already in the folder', list: 'evidence-files', hint: 'e.g. evidence/plan/map.xlsx' })}
<div class="field"><label for="${prefix}-upload">Or upload a file (up to ${input.uploadLimitMb} MB)</label><input id="${prefix}-upload" name="upload" type="file"></div></div>
${itemFields(prefix, {})}`,
  { label: 'Add evidence', id: `${prefix}-form` },
)}</details>`;
}
