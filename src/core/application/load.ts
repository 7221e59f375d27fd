import type { Document, LineCounter } from 'yaml';
import { finding, type Finding, type FindingLocation } from '../findings.js';
import { blockParse } from './block-parse.js';
import { fastParse } from './fast-parse.js';
import { locateIn, type Locate, type YamlPath } from './locate.js';
import { excessiveNesting } from './nesting.js';
import { yamlLibrary } from '../schema/libraries.js';
import { readApplication, type TextResult } from './read-text.js';
import type { ApplicationData } from './types.js';
import { explainYamlErrors, type YamlMistake } from './yaml-mistakes.js';

/** Aliases in a hand-written application are rare; thousands mean an alias bomb. */
const MAX_ALIAS_COUNT = 100;
const MAX_SYNTAX_FINDINGS = 20;
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: true, keepSourceTokens: false } as const;

export interface LoadedApplication {
  /** The folder as given. */
  dir: string;
  /** Absolute path of svmc.yaml. */
  file: string;
  text: string;
  /** The file starts with a byte order mark (not part of `text`). */
  bom: boolean;
  document: Document;
  lineCounter: LineCounter;
  /**
   * The parsed content; `undefined` when svmc.yaml is not readable YAML (see `findings`).
   * Its shape is only guaranteed once `validateApplication` reports no SCHEMA_VIOLATION.
   */
  data: ApplicationData | undefined;
  /** YAML_SYNTAX findings: the file's encoding, syntax, duplicate keys, aliases, nesting. */
  findings: Finding[];
  /** Where a path of keys and indexes sits in svmc.yaml (nearest existing ancestor when missing). */
  locate: Locate;
}

/** Loads `<dir>/svmc.yaml`. Throws UsageError when the folder or the file is missing or unreadable. */
export async function loadApplication(dir: string): Promise<LoadedApplication> {
  const { file, read } = await readApplication(dir);
  return parseApplication(dir, file, read);
}

function parseApplication(dir: string, file: string, read: TextResult): LoadedApplication {
  const { Document, LineCounter, parseDocument } = yamlLibrary();
  const text = read.text ?? '';
  const lineCounter = new LineCounter();
  const base = { dir, file, text, bom: read.bom === true, lineCounter };
  if (read.finding) return withLocate({ ...base, document: new Document(), data: undefined, findings: [read.finding] });

  const deep = excessiveNesting(text);
  if (deep) return withLocate({ ...base, document: new Document(), data: undefined, findings: [failure(new RangeError('nesting'), deep)] });
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, ...PARSE_OPTIONS });
  } catch (error) {
    return withLocate({ ...base, document: new Document(), data: undefined, findings: [failure(error)] });
  }
  const findings = [
    ...explainYamlErrors(text, document.errors, (repaired) => parseDocument(repaired, PARSE_OPTIONS).errors)
      .slice(0, MAX_SYNTAX_FINDINGS)
      .map((e) => (e instanceof Error ? yamlFinding(e.message, e.linePos?.[0], 'error') : mistakeFinding(e))),
    ...document.warnings.slice(0, MAX_SYNTAX_FINDINGS).map((e) => yamlFinding(e.message, e.linePos?.[0], 'warning')),
  ];
  if (document.errors.length > 0) return withLocate({ ...base, document, data: undefined, findings });
  let data: ApplicationData | undefined;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as ApplicationData;
  } catch (error) {
    findings.push(failure(error));
  }
  return withLocate({ ...base, document, data, findings });
}

/**
 * svmc.yaml parsed for a check: line by line when it is in plain block style (see block-parse.ts),
 * through js-yaml's events when it is otherwise plain (see fast-parse.ts),
 * else, and for anything a finding or an edit needs beyond the data, by the `yaml` library.
 */
export function readApplicationData(dir: string, file: string, read: TextResult): LoadedApplication {
  const text = read.text;
  if (read.finding || text === undefined) return parseApplication(dir, file, read);
  const fast = blockParse(text) ?? (excessiveNesting(text) ? undefined : fastParse(text));
  if (!fast) return parseApplication(dir, file, read);
  const lines = lineStarts(text);
  const known = (path: YamlPath, preferKey = false): FindingLocation | undefined => {
    const offset = fast.offsetOf(path, preferKey);
    return offset === undefined ? undefined : positionOf(lines(), offset);
  };
  return lazyApplication(dir, file, text, fast.data as ApplicationData, [], known, read.bom === true);
}

/**
 * An application whose data is known (from the parse cache or the fast read): the YAML document is
 * parsed only if a finding needs a location `known` cannot give, or an edit needs the document.
 */
export function lazyApplication(
  dir: string,
  file: string,
  text: string,
  data: ApplicationData,
  findings: Finding[],
  known: (path: YamlPath, preferKey?: boolean) => FindingLocation | undefined,
  bom = false,
): LoadedApplication {
  let parsed: LoadedApplication | undefined;
  const full = (): LoadedApplication => (parsed ??= parseApplication(dir, file, { text, bom }));
  return {
    dir,
    file,
    text,
    bom,
    data,
    findings,
    get document() {
      return full().document;
    },
    get lineCounter() {
      return full().lineCounter;
    },
    locate: (path, options) => known(path, options?.preferKey) ?? full().locate(path, options),
  };
}

/** Line starts of `text`, found on first use. */
function lineStarts(text: string): () => number[] {
  let starts: number[] | undefined;
  return () => {
    if (starts) return starts;
    starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  };
}

/** 1-based line and column of `offset`, as the `yaml` library's LineCounter gives them. */
function positionOf(starts: number[], offset: number): FindingLocation {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { file: 'svmc.yaml', line: low + 1, col: offset - starts[low]! + 1 };
}

function withLocate(loaded: Omit<LoadedApplication, 'locate'>): LoadedApplication {
  return {
    ...loaded,
    locate: (path, options) => locateIn(loaded.document, loaded.lineCounter, path, options),
  };
}

function yamlFinding(message: string, at: { line: number; col: number } | undefined, severity: 'error' | 'warning'): Finding {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) return failure(new RangeError(first), at);
  const text = /unique/i.test(first) ? `${first}: a key appears twice in the same map; keep one and merge their contents` : first;
  return finding('YAML_SYNTAX', text, { severity, location: { file: 'svmc.yaml', line: at?.line ?? 1, col: at?.col ?? 1 } });
}

function mistakeFinding({ message, line, col }: YamlMistake): Finding {
  return finding('YAML_SYNTAX', message, { location: { file: 'svmc.yaml', line, col } });
}

/** The parser and toJS report resource exhaustion by throwing; a user's file must never crash check. */
function failure(error: unknown, at?: { line: number; col: number }): Finding {
  const location = { file: 'svmc.yaml', line: at?.line ?? 1, col: at?.col ?? 1 };
  if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))) {
    return finding('YAML_SYNTAX', 'svmc.yaml is nested too deeply to read: an application is only a few levels deep; remove the nesting', { location });
  }
  if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
    return finding('YAML_SYNTAX', `svmc.yaml expands its aliases (*name) too often (more than ${MAX_ALIAS_COUNT} uses): write the values out instead`, { location });
  }
  if (error instanceof Error) return finding('YAML_SYNTAX', `svmc.yaml cannot be read as YAML: ${error.message}`, { location });
  throw error;
}
