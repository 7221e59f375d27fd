import type { ApplicationData, EvidenceItem } from './types.js';

/** One evidence item as written in svmc.yaml, with where it sits. */
export interface EvidenceRef {
  readonly stage: string;
  readonly criterion: string;
  readonly index: number;
  readonly item: EvidenceItem;
  /** Path of the item in svmc.yaml, e.g. ['evidence', 'plan', 'L2.PL.1', 0]. */
  readonly path: (string | number)[];
}

/** Its path is made only when a finding needs it: an application may map tens of thousands of files. */
class Ref implements EvidenceRef {
  constructor(
    readonly stage: string,
    readonly criterion: string,
    readonly index: number,
    readonly item: EvidenceItem,
    private readonly nested: boolean,
  ) {}

  get path(): (string | number)[] {
    return [...criterionListPath(this.stage, this.criterion, this.nested), this.index];
  }
}

/** A criterion's value read without trusting its shape: a list of items, or `{statement, evidence}`. */
export interface CriterionEntry {
  /** The list as written, when there is one. */
  items?: unknown[];
  statement?: string;
  /** The value is the `{statement, evidence}` map, so the list sits under `evidence`. */
  nested: boolean;
}

export function criterionEntry(value: unknown): CriterionEntry {
  if (Array.isArray(value)) return { items: value, nested: false };
  if (!isRecord(value)) return { nested: false };
  const items = Array.isArray(value.evidence) ? value.evidence : undefined;
  const statement = text(value.statement);
  return { ...(items ? { items } : {}), ...(statement === undefined ? {} : { statement }), nested: true };
}

/** Where a criterion's list of items sits in svmc.yaml. */
export function criterionListPath(stage: string, criterion: string, nested: boolean): string[] {
  return nested ? ['evidence', stage, criterion, 'evidence'] : ['evidence', stage, criterion];
}

/** Every criterion written in the evidence map, with its stage, in the file's order. */
export function criterionEntries(data: ApplicationData | undefined): { stage: string; criterion: string; entry: CriterionEntry }[] {
  const entries: { stage: string; criterion: string; entry: CriterionEntry }[] = [];
  const evidence: unknown = data?.evidence;
  if (!isRecord(evidence)) return entries;
  for (const [stage, criteria] of Object.entries(evidence)) {
    if (!isRecord(criteria)) continue;
    for (const [criterion, value] of Object.entries(criteria)) entries.push({ stage, criterion, entry: criterionEntry(value) });
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every item that names a file, skipping malformed ones (the schema reports those). */
export function evidenceRefs(data: ApplicationData | undefined): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const { stage, criterion, entry } of criterionEntries(data)) {
    entry.items?.forEach((item: unknown, index) => {
      if (isRecord(item) && typeof item.file === 'string') {
        refs.push(new Ref(stage, criterion, index, item as unknown as EvidenceItem, entry.nested));
      }
    });
  }
  return refs;
}

/** A field of svmc.yaml read without trusting its shape. */
export function field(data: unknown, ...path: string[]): unknown {
  let node = data;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
