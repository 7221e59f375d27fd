import type { AssessmentResult, Questionnaire } from '../../core/assess/types.js';
import { anchor, html, type Html } from './html.js';
import { apiForm } from './layout.js';

export interface AssessInput {
  base: string;
  questionnaire: Questionnaire;
  /** The results in the folder, if any. */
  result?: AssessmentResult;
  /** Why the results in the folder cannot be read. */
  problem?: string;
}

export function renderAssess(input: AssessInput): Html {
  const { questionnaire, result } = input;
  const answers = result?.answers ?? {};
  const summary = result
    ? html`<section aria-labelledby="results"><h2 id="results">Results of ${result.date}</h2>
<p>Total ${result.total} of ${result.max}: ${result.ready ? 'ready' : 'not ready yet'} for level ${result.certificateLevel ?? ''}.</p>
<div class="chart"><img src="/chart.svg" width="640" height="600" alt="Spider chart of the scores per principle: ${questionnaire.principles.map((p) => `${p.title} ${result.scores[p.id] ?? 0}%`).join(', ')}"></div>
<table><caption class="sr">Score per principle</caption><thead><tr><th scope="col">Principle</th><th scope="col">Score</th></tr></thead><tbody>${questionnaire.principles.map(
        (p) => html`<tr><th scope="row">${p.number}. ${p.title}</th><td>${result.scores[p.id] ?? 0}%</td></tr>`,
      )}</tbody></table></section>`
    : html`<p>${input.problem ?? 'No self-assessment has been made yet. Answer the questions below and save.'}</p>`;
  const questions = questionnaire.principles.map(
    (principle) => html`<section aria-labelledby="${anchor('p', principle.id)}"><h2 id="${anchor('p', principle.id)}">Principle ${principle.number}: ${principle.title}</h2>${principle.summary ? html`<p>${principle.summary}</p>` : ''}
${questionnaire.questions
  .filter((q) => q.principle === principle.id)
  .map(
    (q) => html`<fieldset class="question"><legend>${q.text}</legend>${q.levels.map((description, index) => {
      const id = anchor('q', q.id, index + 1);
      return html`<div class="choice"><input type="radio" id="${id}" name="answer.${q.id}" value="${index + 1}"${answers[q.id] === index + 1 ? ' checked' : ''}><label for="${id}"><strong>${index + 1} ${questionnaire.levelNames[index] ?? ''}</strong>: ${description}</label></div>`;
    })}</fieldset>`,
  )}</section>`,
  );
  return html`${summary}${apiForm('/api/assess', input.base, html`${questions}`, { label: 'Save the self-assessment', afterwardsTop: true })}`;
}
