#!/usr/bin/env node
// Measures svmc against anchors run on the same machine in the same run, and checks the budgets.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, makeApplication } from './fixtures.js';
import { hasTool, medianMs, peakMb } from './measure.js';

const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'svmc-bench-'));
const rows = [];
const missing = [];

function row(what, value, unit, anchor, anchorValue, budget) {
  const ratio = anchorValue ? value / anchorValue : undefined;
  const limit = budget?.ratio ?? budget?.max;
  const measured = budget?.ratio !== undefined ? ratio : value;
  const status = limit === undefined || measured === undefined ? 'report' : measured <= limit ? 'within' : 'OVER';
  rows.push({ what, value, unit, anchor, anchorValue, ratio, budget, status });
  const shown = ratio === undefined ? '' : ` = ${ratio.toFixed(2)}×`;
  console.error(`  ${what}: ${value.toFixed(1)} ${unit}${anchor ? ` vs ${anchor} ${anchorValue.toFixed(1)} ${unit}` : ''}${shown} [${status}]`);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function need(tool) {
  if (hasTool(tool)) return true;
  missing.push(tool);
  console.error(`  ${tool} is not installed: its comparison is skipped (apt-get install ${tool === 'openssl' ? 'openssl' : tool})`);
  return false;
}

try {
  console.error(`svmc bench in ${work}`);
  const nodeStart = medianMs(node, ['-e', '0'], { runs: 15, warmup: 3 });
  const version = medianMs(node, [BIN, '--version'], { runs: 15, warmup: 3 });
  const help = medianMs(node, [BIN, '--help'], { runs: 15, warmup: 3 });
  row('svmc --version', version, 'ms', 'node -e 0', nodeStart, { ratio: 1.6 });
  row('svmc --help', help, 'ms', 'node -e 0', nodeStart, { ratio: 1.6 });

  console.error('generating applications with 1,000, 10,000 and 50,000 mapped files…');
  const scale = {};
  for (const count of [1000, 10000, 50000]) {
    const dir = join(work, `files-${count}`, 'app');
    makeApplication(dir, { count });
    scale[count] = medianMs(node, [BIN, 'check', dir], { runs: count > 10000 ? 3 : 5, warmup: 1 });
  }
  row('svmc check, 10,000 files, warm', scale[10000], 'ms', 'svmc --version', version, { ratio: 3 });
  row('  check, 1,000 files', scale[1000], 'ms');
  row('  check, 50,000 files', scale[50000], 'ms');
  // Linear growth shows as a steady cost per extra 1,000 files between the sizes.
  row('  extra per 1,000 files, 1k→10k', (scale[10000] - scale[1000]) / 9, 'ms');
  row('  extra per 1,000 files, 10k→50k', (scale[50000] - scale[10000]) / 40, 'ms');

  console.error('generating 1 GiB of incompressible evidence…');
  const big = join(work, 'big', 'app');
  makeApplication(big, { count: 8, fileBytes: 128 << 20 });
  const files = filesUnder(big).filter((path) => !path.includes('/.svmc/') && !path.includes('/signoffs/'));
  const openssl = need('openssl') ? medianMs('openssl', ['dgst', '-sha256', ...files], { runs: 3 }) : undefined;
  const resetCache = () => rmSync(join(big, '.svmc'), { recursive: true, force: true });
  const sign = medianMs(node, [BIN, 'sign', '--as', 'lead', '--key', join(big, '..', 'keys', 'lead.key'), '--dir', big], {
    runs: 3,
    before: resetCache,
  });
  if (openssl) row('svmc sign, 1 GiB, cold cache', sign, 'ms', 'openssl dgst -sha256', openssl);

  const pack = join(work, 'big', 'pack.zip');
  const packMs = medianMs(node, [BIN, 'pack', big, '--out', pack, '--date', '2026-01-01'], { runs: 3 });
  if (need('zip')) {
    const zipOut = join(work, 'big', 'plain.zip');
    const zipMs = medianMs('zip', ['-q', '-r', '-0', zipOut, 'app'], {
      runs: 3,
      cwd: join(work, 'big'),
      before: () => rmSync(zipOut, { force: true }),
    });
    row('svmc pack, 1 GiB', packMs, 'ms', 'zip -r -0', zipMs, { ratio: 1.0 });
  }
  if (openssl) row('svmc pack, 1 GiB', packMs, 'ms', 'openssl dgst -sha256', openssl, { ratio: 2.5 });
  const verifyMs = medianMs(node, [BIN, 'verify', pack], { runs: 3 });
  if (openssl) row('svmc verify, 1 GiB', verifyMs, 'ms', 'openssl dgst -sha256', openssl, { ratio: 2.0 });

  const packPeak = peakMb(node, [BIN, 'pack', big, '--out', pack, '--date', '2026-01-01']);
  const verifyPeak = peakMb(node, [BIN, 'verify', pack]);
  if (packPeak === undefined) need('/usr/bin/time');
  else {
    row('svmc pack, peak memory', packPeak, 'MB', undefined, undefined, { max: 200 });
    row('svmc verify, peak memory', verifyPeak, 'MB', undefined, undefined, { max: 200 });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(table(rows));
const over = rows.filter((r) => r.status === 'OVER');
if (missing.length) console.log(`\nAnchors missing (comparisons skipped): ${missing.join(', ')}`);
if (over.length || missing.length) process.exitCode = 1;

function table(all) {
  const head = '| measure | median | anchor | anchor median | ratio | budget | |\n|---|---:|---|---:|---:|---:|---|';
  const lines = all.map((r) => {
    const budget = r.budget?.ratio !== undefined ? `≤ ${r.budget.ratio}×` : r.budget?.max !== undefined ? `≤ ${r.budget.max} ${r.unit}` : '';
    const anchorValue = r.anchorValue === undefined ? '' : `${r.anchorValue.toFixed(0)} ${r.unit}`;
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`;
    return `| ${r.what} | ${r.value.toFixed(0)} ${r.unit} | ${r.anchor ?? ''} | ${anchorValue} | ${ratio} | ${budget} | ${r.status} |`;
  });
  return [head, ...lines].join('\n');
}
