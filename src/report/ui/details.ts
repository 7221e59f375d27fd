import type { DetailField } from '../../core/application/edit-details.js';
import { ROLE_TITLES, ROLES, SIZES } from '../../core/domain.js';
import { anchor, html, type Html } from './html.js';
import { apiForm } from './layout.js';
import { findingList, selectField, textField, unreadableNotice } from './parts.js';
import type { FindingView } from './criteria.js';

export interface DetailsInput {
  base: string;
  /** Each field's value as svmc.yaml holds it now ('' when absent). */
  values: Record<DetailField, string>;
  awards: { level: string; awarded: string; reference: string }[];
  /** What check says of each field, in plain words. */
  problems: Partial<Record<DetailField | 'awards', string[]>>;
  /** Findings on svmc.yaml that no field stands for. */
  others: FindingView[];
  files: string[];
  unreadable: { line: number; message: string }[];
}

/** The id of a field's input, which findings link to. */
const fieldId = (name: string): string => anchor('f', name);

export function renderDetails(input: DetailsInput): Html {
  if (input.unreadable.length > 0) return unreadableNotice(input.unreadable);
  const text = (name: DetailField, label: string, extra: { type?: string; hint?: string; list?: string } = {}): Html =>
    textField({ id: fieldId(name), name, label, value: input.values[name], problems: input.problems[name], ...extra });
  const select = (name: DetailField, label: string, choices: readonly { value: string; label: string }[]): Html =>
    selectField({ id: fieldId(name), name, label, value: input.values[name], choices, problems: input.problems[name] });
  const renewal = input.values['application.renewal'] === 'true';
  const fields = html`${findingList(input.others)}
<fieldset><legend>Applicant</legend>
${text('applicant.organisation', 'Organisation')}
${select('applicant.scope', 'What the application covers', [{ value: '', label: 'Not chosen' }, { value: 'organisation', label: 'The whole organisation' }, { value: 'programme', label: 'One programme or project' }])}
${text('applicant.programme', 'Programme or project name', { hint: 'Only when the application covers one programme' })}
</fieldset>
<fieldset><legend>Membership</legend>
${text('applicant.membership.network', 'Membership network', { hint: 'e.g. Social Value UK' })}
${text('applicant.membership.number', 'Membership number')}
${select('applicant.membership.size', 'Size of the organisation', [{ value: '', label: 'Not chosen' }, ...SIZES.map((size) => ({ value: size, label: size.replace('-', ' ') }))])}
</fieldset>
<fieldset><legend>Application</legend>
${select('application.level', 'Level applied for', [{ value: '', label: 'Not chosen' }, { value: '1', label: '1 Commit' }, { value: '2', label: '2 Implement' }, { value: '3', label: '3 Manage' }])}
<div class="field check"><input type="checkbox" id="${fieldId('application.renewal')}" name="application.renewal" value="true"${renewal ? ' checked' : ''}><label for="${fieldId('application.renewal')}">This is a renewal</label></div>
${text('application.preparationCall', 'Date of the preparation call with the Assurance Manager', { type: 'date' })}
${text('application.termsAndConditions', 'The signed Terms & Conditions', { hint: 'A file in the folder, e.g. evidence/terms-signed.pdf', list: 'folder-files' })}
<datalist id="folder-files">${input.files.map((file) => html`<option value="${file}"></option>`)}</datalist>
</fieldset>
${ROLES.map(
  (role) => html`<fieldset><legend>${ROLE_TITLES[role]}</legend>
${text(`representatives.${role}.name`, 'Name')}
${text(`representatives.${role}.email`, 'Email', { type: 'email' })}
${text(`representatives.${role}.role`, 'Job title')}
</fieldset>`,
)}
<fieldset id="awards"><legend>Previous awards</legend>
${findingList((input.problems.awards ?? []).map((message) => ({ severity: 'error' as const, message, target: '#awards' })))}
${[...input.awards, { level: '', awarded: '', reference: '' }].map((award, index) => awardRow(award, index, index >= input.awards.length))}
</fieldset>`;
  return apiForm('/api/details', input.base, fields, { label: 'Save the details', className: 'api details' });
}

function awardRow(award: { level: string; awarded: string; reference: string }, index: number, fresh: boolean): Html {
  const id = (key: string): string => anchor('award', index, key);
  return html`<div class="row award"><p class="sr">${fresh ? 'A new award' : `Award ${index + 1}`}</p>
<div class="field"><label for="${id('level')}">${fresh ? 'New award: level' : 'Level'}</label><select id="${id('level')}" name="award.${index}.level">${['', '1', '2', '3'].map((level) => html`<option value="${level}"${level === award.level ? ' selected' : ''}>${level === '' ? 'None' : `Level ${level}`}</option>`)}</select></div>
<div class="field"><label for="${id('awarded')}">Awarded on</label><input id="${id('awarded')}" name="award.${index}.awarded" type="date" value="${award.awarded}"></div>
<div class="field"><label for="${id('reference')}">Reference</label><input id="${id('reference')}" name="award.${index}.reference" value="${award.reference}"></div>
${fresh ? '' : html`<div class="field check"><input type="checkbox" id="${id('remove')}" name="award.${index}.remove" value="true"><label for="${id('remove')}">Remove this award</label></div>`}
</div>`;
}
