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
  ) {}

  get path(): (string | number)[] {
    return ['evidence', this.stage, this.criterion, this.index];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every item that names a file, skipping malformed ones (the schema reports those). */
export function evidenceRefs(data: ApplicationData | undefined): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  const evidence: unknown = data?.evidence;
  if (!isRecord(evidence)) return refs;
  for (const [stage, criteria] of Object.entries(evidence)) {
    if (!isRecord(criteria)) continue;
    for (const [criterion, items] of Object.entries(criteria)) {
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, index) => {
        if (isRecord(item) && typeof item.file === 'string') {
          refs.push(new Ref(stage, criterion, index, item as unknown as EvidenceItem));
        }
      });
    }
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
