#!/usr/bin/env node
// Writes the finding-code sections of README.md from the codes table (npm run docs); a test keeps them in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCodesMarkdown } from '../dist/report/code-docs.js';

const START = '<!-- finding codes: written by npm run docs from src/core/finding-codes.ts -->';
const END = '<!-- end of finding codes -->';
const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const [before, rest] = text.split(START);
const after = rest?.split(END)[1];
if (after === undefined) throw new Error('README.md has no finding-code markers');
writeFileSync(readme, `${before}${START}\n${renderCodesMarkdown()}${END}${after}`);
