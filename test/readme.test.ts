import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../src/core/findings.js';
import { renderCodesMarkdown } from '../src/report/code-docs.js';
import { buildProgram } from '../src/cli/program.js';
import { ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const headings = readme.split('\n').filter((line) => line.startsWith('#'));

describe('README', () => {
  it.each(Object.keys(FINDING_CODES))('documents finding code %s under its own heading', (code) => {
    expect(headings).toContain(`### ${code}`);
  });

  it('has the finding-code sections as the codes table gives them (npm run docs writes them)', () => {
    const block = readme.split('<!-- finding codes: written by npm run docs from src/core/finding-codes.ts -->\n')[1]?.split('<!-- end of finding codes -->')[0];
    expect(block).toBe(renderCodesMarkdown());
  });

  it.each(buildProgram(() => {}).commands.map((command) => command.name()))('documents svmc %s', (name) => {
    expect(headings.some((line) => line.startsWith(`### \`svmc ${name}`))).toBe(true);
  });

  it('has a quick start of exactly two commands: the main job on an example, then the tests', () => {
    const section = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const commands = block.trim().split('\n');
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm (install|ci) && npm run demo$/);
    expect(commands[1]).toMatch(/^npm (install|ci) && npm test$/);
  });

  it('lists every exit code the CLI uses', () => {
    for (const code of ['0', '1', '2', '3', '130']) expect(readme).toContain(`| \`${code}\` |`);
  });
});
