#!/usr/bin/env node
// Measures svmc against anchors run on the same machine in the same run, and checks the budgets.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, makeApplication } from './fixtures.js';
import { hasTool, interleavedMedians, peakMb } from './measure.js';
import { makeClients, makePreparedApplication } from './prepared.js';

const node = process.execPath;
const require = createRequire(import.meta.url);
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

function settle() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
}

function need(tool) {
  if (hasTool(tool)) return true;
  missing.push(tool);
  console.error(`  ${tool} is not installed: its comparison is skipped (apt-get install ${tool === 'openssl' ? 'openssl' : tool})`);
  return false;
}

try {
  console.error(`svmc bench in ${work}`);
  const version = { command: node, args: [BIN, '--version'] };
  const help = { command: node, args: [BIN, '--help'] };
  const start = interleavedMedians({ node: { command: node, args: ['-e', '0'] }, version, help }, { runs: 15, warmup: 3 });
  row('svmc --version', start.version, 'ms', 'node -e 0', start.node, { ratio: 1.6 });
  row('svmc --help', start.help, 'ms', 'node -e 0', start.node, { ratio: 1.6 });

  console.error('generating applications with 1,000, 10,000 and 50,000 mapped files…');
  const dirs = {};
  const checks = {};
  for (const count of [1000, 10000, 50000]) {
    dirs[count] = join(work, `files-${count}`, 'app');
    makeApplication(dirs[count], { count });
    checks[count] = { command: node, args: [BIN, 'check', dirs[count]] };
  }
  // A check keeps its result only once the files it saw are two seconds old (see core/cache/recorded-inputs.ts).
  settle();
  // All sizes in turns, so that growth is not mistaken for a change in the machine's speed.
  const scale = interleavedMedians({ 1000: checks[1000], 10000: checks[10000], 50000: checks[50000], version }, { runs: 5 });
  row('svmc check, 10,000 files, warm', scale[10000], 'ms', 'svmc --version', scale.version, { ratio: 3 });
  const forget = () => rmSync(join(dirs[10000], '.svmc', 'check-result.bin'), { force: true });
  const full = interleavedMedians({ check: { ...checks[10000], before: forget }, version });
  row('  check, 10,000 files, after an edit (every rule runs)', full.check, 'ms', 'svmc --version', full.version);
  row('  check, 1,000 files', scale[1000], 'ms');
  row('  check, 50,000 files', scale[50000], 'ms');
  // Linear growth shows as a steady cost per extra 1,000 files between the sizes.
  row('  extra per 1,000 files, 1k→10k', (scale[10000] - scale[1000]) / 9, 'ms');
  row('  extra per 1,000 files, 10k→50k', (scale[50000] - scale[10000]) / 40, 'ms');

  console.error('generating an application being prepared (10,010 block-style items, unsigned) and 100 clients of 100 items…');
  const prepared = join(work, 'prepared', 'app');
  makePreparedApplication(prepared, { count: 10010 });
  const clients = makeClients(join(work, 'clients'), { clients: 100, items: 100 });
  const findings = { exitCodes: [1] };
  const cold = { command: node, args: [BIN, 'check', prepared], ...findings, before: () => rmSync(join(prepared, '.svmc'), { recursive: true, force: true }) };
  const jsYaml = `require(${JSON.stringify(require.resolve('js-yaml'))}).load(require('fs').readFileSync(${JSON.stringify(join(prepared, 'svmc.yaml'))}, 'utf8'))`;
  const peer = { command: node, args: ['-e', jsYaml] };
  const portfolio = { command: node, args: [BIN, 'check', ...clients], ...findings };
  const preparing = interleavedMedians({ cold, peer, portfolio, version }, { runs: 5 });
  row('svmc check, 10,010 block-style items, unsigned, cold', preparing.cold, 'ms', 'svmc --version', preparing.version, { ratio: 3 });
  row('  the same', preparing.cold, 'ms', 'node loading svmc.yaml with js-yaml', preparing.peer);
  row('svmc check, 100 folders × 100 items, cold', preparing.portfolio, 'ms', 'svmc --version', preparing.version, { ratio: 4 });
  mkdirSync(join(prepared, '.svmc'));
  settle();
  const again = interleavedMedians({ warm: { command: node, args: [BIN, 'check', prepared], ...findings }, version });
  row('svmc check, 10,010 block-style items, unsigned, unchanged', again.warm, 'ms', 'svmc --version', again.version, { ratio: 2 });
  rmSync(join(prepared, '.svmc'), { recursive: true, force: true });
  const checkPeak = peakMb(node, [BIN, 'check', prepared], findings);
  if (checkPeak !== undefined) row('svmc check, 10,010 items, cold, peak memory', checkPeak, 'MB', undefined, undefined, { max: 120 });

  console.error('generating 1 GiB of incompressible evidence…');
  const big = join(work, 'big', 'app');
  makeApplication(big, { count: 8, fileBytes: 128 << 20 });
  const files = filesUnder(big).filter((path) => !path.includes('/.svmc/') && !path.includes('/signoffs/'));
  const hasOpenssl = need('openssl');
  const hasZip = need('zip');
  const openssl = hasOpenssl ? { openssl: { command: 'openssl', args: ['dgst', '-sha256', ...files] } } : {};
  const pack = join(work, 'big', 'pack.zip');
  const zipOut = join(work, 'big', 'plain.zip');
  const runs = {
    sign: {
      command: node,
      args: [BIN, 'sign', '--as', 'lead', '--key', join(big, '..', 'keys', 'lead.key'), '--dir', big],
      before: () => rmSync(join(big, '.svmc'), { recursive: true, force: true }),
    },
    // Each run starts with no pack, as zip's does: replacing a 1 GiB file first makes the kernel
    // free the old one's pages, which is no part of packing.
    pack: { command: node, args: [BIN, 'pack', big, '--out', pack, '--date', '2026-03-01'], before: () => rmSync(pack, { force: true }) },
    zip: { command: 'zip', args: ['-q', '-r', '-0', zipOut, 'app'], cwd: join(work, 'big'), before: () => rmSync(zipOut, { force: true }) },
    verify: { command: node, args: [BIN, 'verify', pack] },
  };
  // Each svmc figure is timed in turns with its anchors, so all of them meet the same moments of a shared machine.
  const signed = interleavedMedians({ sign: runs.sign, ...openssl }, { runs: 3 });
  if (hasOpenssl) row('svmc sign, 1 GiB, cold cache', signed.sign, 'ms', 'openssl dgst -sha256', signed.openssl);
  const packed = interleavedMedians({ pack: runs.pack, ...openssl, ...(hasZip ? { zip: runs.zip } : {}) });
  if (hasZip) row('svmc pack, 1 GiB', packed.pack, 'ms', 'zip -r -0', packed.zip, { ratio: 1.0 });
  if (hasOpenssl) row('svmc pack, 1 GiB', packed.pack, 'ms', 'openssl dgst -sha256', packed.openssl, { ratio: 1.5 });
  const verified = interleavedMedians({ verify: runs.verify, ...openssl });
  if (hasOpenssl) row('svmc verify, 1 GiB', verified.verify, 'ms', 'openssl dgst -sha256', verified.openssl, { ratio: 1.3 });

  rmSync(pack, { force: true });
  const packPeak = peakMb(node, [BIN, 'pack', big, '--out', pack, '--date', '2026-03-01']);
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
