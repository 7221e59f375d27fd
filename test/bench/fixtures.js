import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/svmc.js');

function svmc(args, options = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`svmc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A complete level-1 application with `count` evidence files spread over the level's criteria,
 * signed by both representatives with keys kept outside it.
 */
export function makeApplication(dir, { count, fileBytes = 0 }) {
  const criteria = JSON.parse(svmc(['criteria', '--level', '1', '--format', 'json'])).criteria;
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  copyFileSync(join(ROOT, 'examples/level-1/evidence/terms-signed.pdf'), join(dir, 'evidence/terms-signed.pdf'));
  const byCriterion = new Map(criteria.map((c) => [c.id, []]));
  for (let i = 0; i < count; i++) {
    const criterion = criteria[i % criteria.length];
    const folder = join('evidence', criterion.stage, String(Math.floor(i / 1000)));
    mkdirSync(join(dir, folder), { recursive: true });
    const file = `${folder}/item-${i}.${fileBytes ? 'bin' : 'txt'}`;
    if (fileBytes) writeRandom(join(dir, file), fileBytes);
    else writeFileSync(join(dir, file), `Evidence item ${i} for ${criterion.id}\n`);
    byCriterion.get(criterion.id).push(file);
  }
  for (const criterion of criteria.filter((c) => byCriterion.get(c.id).length === 0)) {
    const file = `evidence/${criterion.stage}/${criterion.id}.txt`;
    mkdirSync(join(dir, 'evidence', criterion.stage), { recursive: true });
    writeFileSync(join(dir, file), `Evidence for ${criterion.id}\n`);
    byCriterion.get(criterion.id).push(file);
  }
  writeFileSync(join(dir, 'svmc.yaml'), applicationYaml(criteria, byCriterion));
  const keys = join(dir, '..', 'keys');
  const roles = ['lead', 'senior'];
  for (const role of roles) {
    svmc(['keygen', '--no-passphrase', '--as', role, '--out', join(keys, `${role}.key`), '--register', '--dir', dir, '--force']);
  }
  for (const role of roles) svmc(['sign', '--as', role, '--key', join(keys, `${role}.key`), '--dir', dir]);
}

function writeRandom(path, bytes) {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4 << 20);
  for (let written = 0; written < bytes; written += block.length) {
    randomFillSync(block);
    writeSync(fd, block, 0, Math.min(block.length, bytes - written));
  }
  closeSync(fd);
}

function applicationYaml(criteria, byCriterion) {
  const lines = [
    'svmc: 1',
    'applicant:',
    '  organisation: Bench Community Trust',
    '  scope: organisation',
    '  membership: { network: Social Value UK, number: SVUK-9999, size: large }',
    'application:',
    '  level: 1',
    '  preparationCall: 2026-02-10',
    '  termsAndConditions: evidence/terms-signed.pdf',
    'representatives:',
    '  lead: { name: Ana Lead, email: ana@example.org }',
    '  senior: { name: Ben Senior, email: ben@example.org }',
    'evidence:',
  ];
  for (const stage of ['creating-capacity', 'plan', 'do', 'assess', 'revise']) {
    lines.push(`  ${stage}:`);
    for (const criterion of criteria.filter((c) => c.stage === stage)) {
      lines.push(`    ${criterion.id}:`);
      for (const file of byCriterion.get(criterion.id)) lines.push(`      - { file: ${file}, summary: Generated evidence }`);
    }
  }
  return `${lines.join('\n')}\n`;
}
