import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/svmc.js');
const AREAS = ['Governance', 'Stakeholders', 'Measurement', 'Reporting'];

function criteriaOfLevel1() {
  const run = spawnSync(process.execPath, [BIN, 'criteria', '--level', '1', '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(run.stdout).criteria;
}

/**
 * An application being prepared, written the way people write it: block style, each item with a
 * file, a summary, a date and an area, and no sign-offs yet.
 */
export function makePreparedApplication(dir, { count }) {
  const criteria = criteriaOfLevel1();
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  copyFileSync(join(ROOT, 'examples/level-1/evidence/terms-signed.pdf'), join(dir, 'evidence/terms-signed.pdf'));
  const byCriterion = new Map(criteria.map((c) => [c.id, []]));
  for (let i = 0; i < Math.max(count, criteria.length); i++) {
    const criterion = criteria[i % criteria.length];
    const folder = join('evidence', criterion.stage, String(Math.floor(i / 1000)));
    mkdirSync(join(dir, folder), { recursive: true });
    const file = `${folder}/item-${i}.txt`;
    writeFileSync(join(dir, file), `Evidence item ${i} for ${criterion.id}\n`);
    byCriterion.get(criterion.id).push(file);
  }
  writeFileSync(join(dir, 'svmc.yaml'), preparedYaml(criteria, byCriterion));
}

function preparedYaml(criteria, byCriterion) {
  const lines = [
    '# Evidence map of Bench Community Trust',
    'svmc: 1',
    'applicant:',
    '  organisation: Bench Community Trust',
    '  scope: organisation',
    '  membership:',
    '    network: Social Value UK',
    '    number: SVUK-9999',
    '    size: large',
    'application:',
    '  level: 1',
    '  preparationCall: 2026-02-10',
    '  termsAndConditions: evidence/terms-signed.pdf',
    'representatives:',
    '  lead:',
    '    name: Ana Lead',
    '    email: ana@example.org',
    '  senior:',
    '    name: Ben Senior',
    '    email: ben@example.org',
    'evidence:',
  ];
  for (const stage of ['creating-capacity', 'plan', 'do', 'assess', 'revise']) {
    lines.push(`  ${stage}:`);
    for (const criterion of criteria.filter((c) => c.stage === stage)) {
      lines.push(`    ${criterion.id}:`);
      byCriterion.get(criterion.id).forEach((file, i) => {
        lines.push(`      - file: ${file}`);
        lines.push(`        summary: "Minutes of the ${AREAS[i % 4].toLowerCase()} meeting, item ${i}"`);
        lines.push(`        date: 2026-0${1 + (i % 9)}-1${i % 10}`);
        lines.push(`        area: ${AREAS[i % 4]}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A consultant's repository: `clients` application folders of `items` items each. */
export function makeClients(dir, { clients, items }) {
  const folders = [];
  for (let i = 0; i < clients; i++) {
    const folder = join(dir, `client-${String(i).padStart(3, '0')}`);
    makePreparedApplication(folder, { count: items });
    folders.push(folder);
  }
  return folders;
}
