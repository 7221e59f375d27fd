import { stringify } from 'yaml';
import type { PreviousAward, Representative } from '../application/types.js';
import { LEVEL_NAMES, ROLE_TITLES, type Role } from '../domain.js';
import { DEFAULT_CATALOGUE_ID } from '../catalogue/load.js';
import { requiredAwardLevel, type InitAnswers } from './answers.js';

const COMMENT_COLUMN = 40;

function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function withComment(text: string, comment: string): string {
  return `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}

/** `key: value` at an indent, with an aligned comment when there is one. */
function entry(indent: number, key: string, value?: string | number | boolean, comment?: string): string {
  const text = `${' '.repeat(indent)}${key}:${value === undefined ? '' : ` ${scalar(value)}`}`;
  return comment === undefined ? text : withComment(text, comment);
}

/** The text of a new svmc.yaml: every given answer as data, every missing one as a comment. */
export function renderSvmcYaml(answers: InitAnswers, schemaRef: string): string {
  const { level } = answers;
  const lines = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# Application for the Social Value Management Certificate, level ${level} (${LEVEL_NAMES[level]}).`,
    `# Check it with "svmc check"; list the criteria with "svmc criteria --level ${level}".`,
    entry(0, 'svmc', 1, 'format version'),
    entry(0, 'catalogue', DEFAULT_CATALOGUE_ID, 'the criteria catalogue, or the path of your own'),
    '',
    'applicant:',
    entry(2, 'organisation', answers.organisation),
    entry(2, 'scope', answers.scope, 'organisation | programme'),
    answers.programme === undefined
      ? withComment('  # programme: Name of the programme', 'needed only when scope is programme')
      : entry(2, 'programme', answers.programme),
    withComment('  membership:', 'organisational membership of SVI or a national network'),
    answers.network === undefined
      ? withComment('    # network: Social Value UK', 'the network you are a member of')
      : entry(4, 'network', answers.network),
    answers.membershipNumber === undefined
      ? withComment('    # number: SVUK-0000', 'your organisational membership number')
      : entry(4, 'number', answers.membershipNumber),
    entry(4, 'size', answers.size, 'small | medium | large | very-large (sets the fee)'),
    '',
    'application:',
    entry(2, 'level', level, '1 Commit | 2 Implement | 3 Manage'),
    ...(answers.renewal ? [entry(2, 'renewal', true, 'a renewal of level 3')] : []),
    answers.preparationCall === undefined
      ? withComment('  # preparationCall: YYYY-MM-DD', 'date of the preparation call with the Assurance Manager')
      : entry(2, 'preparationCall', answers.preparationCall, 'the preparation call with the Assurance Manager'),
    answers.terms === undefined
      ? withComment('  # termsAndConditions: evidence/terms-signed.pdf', 'the signed Terms & Conditions')
      : entry(2, 'termsAndConditions', answers.terms.path, 'the signed Terms & Conditions'),
    ...awardLines(answers),
    '',
    ...representativeLines(answers),
    '',
    '# The evidence map: stage → criterion → evidence items. Add items with "svmc map", or by hand:',
    '#   plan:',
    `#     L${level}.PL.1:`,
    '#       - file: evidence/plan/stakeholder-map.csv',
    '#         summary: Stakeholder map agreed by the board, groups segmented by age',
    '#         date: YYYY-MM-DD',
    ...(level === 3 ? [withComment('#         area: Youth services', 'level 3 needs more than one area')] : []),
    'evidence: {}',
  ];
  return `${lines.join('\n')}\n`;
}

function awardLines(answers: InitAnswers): string[] {
  const needed = requiredAwardLevel(answers.level, answers.renewal);
  if (answers.previousAwards.length > 0) {
    return [withComment('  previousAwards:', 'awards already held'), ...answers.previousAwards.flatMap(award)];
  }
  if (needed === undefined) return [];
  return [
    `  # Cite the level ${needed} award this application builds on (an award is valid for two years), e.g.`,
    `  #   - level: ${needed}`,
    '  #     awarded: YYYY-MM-DD',
    `  #     reference: SVMC-L${needed}-0000`,
    '  previousAwards: []',
  ];
}

function award(item: PreviousAward): string[] {
  return [
    `    - level: ${item.level}`,
    entry(6, 'awarded', item.awarded),
    ...(item.reference === undefined ? [] : [entry(6, 'reference', item.reference)]),
  ];
}

function representativeLines(answers: InitAnswers): string[] {
  const given = (['lead', 'senior'] as const).filter((role) => answers[role] !== undefined);
  const header = '# The Social Value Lead and the Social Value Senior Leader: two different people, both sign off.';
  if (given.length === 0) {
    return [header, '# representatives:', ...placeholder('lead', false), ...placeholder('senior', false)];
  }
  return [
    header,
    'representatives:',
    ...(['lead', 'senior'] as const).flatMap((role) => {
      const person = answers[role];
      return person ? representative(role, person) : placeholder(role, true);
    }),
  ];
}

function representative(role: Role, person: Representative): string[] {
  return [entry(2, role, undefined, `the ${ROLE_TITLES[role]}`), entry(4, 'name', person.name), entry(4, 'email', person.email)];
}

/** A commented-out representative: inside a written `representatives:` block, or in a wholly commented one. */
function placeholder(role: Role, inBlock: boolean): string[] {
  const start = inBlock ? '  # ' : '#   ';
  return [
    `${`${start}${role}:`.padEnd(COMMENT_COLUMN - 1)} # the ${ROLE_TITLES[role]}`,
    `${start}  name: Full Name`,
    `${start}  email: name@example.org`,
  ];
}
