import type { Event, ScalarEvent } from 'js-yaml';
import { jsYamlLibrary } from '../schema/libraries.js';
import { spotted, type FastParse, type Spot } from './yaml-spots.js';

/**
 * svmc.yaml read through js-yaml's event stream, with the offset of every node kept: on a 1.6 MB
 * application of 10,010 items `yaml`'s parseDocument took 550-1,290 ms and js-yaml's events and
 * construction about 200 ms. Anything unusual (anchors, aliases, tags, directives, keys that are not
 * plain words, any error) returns undefined, and the `yaml` library reads the file instead, so every
 * YAML finding keeps its exact wording and place.
 */
export function fastParse(text: string): FastParse | undefined {
  const { constructFromEvents, parseEvents } = jsYamlLibrary();
  try {
    const events = parseEvents(text, {});
    if (!plain(events)) return undefined;
    const root = spots(events, text);
    const documents = root && constructFromEvents(events, { source: text });
    if (!root || documents?.length !== 1) return undefined;
    return spotted(documents[0], root);
  } catch {
    return undefined;
  }
}

const ID = { DOCUMENT: 1, SEQUENCE: 2, MAPPING: 3, SCALAR: 4, ALIAS: 5, POP: 6 } as const;
const STYLE = { PLAIN: 1, SINGLE_QUOTED: 2, DOUBLE_QUOTED: 3 } as const;
const FLOW = 2;

function plain(events: Event[]): boolean {
  let documents = 0;
  for (const event of events) {
    if (event.type === ID.ALIAS) return false;
    if (event.type === ID.DOCUMENT) {
      documents += 1;
      if (event.directives.length > 0) return false;
    } else if (event.type !== ID.POP && (event.anchorStart !== -1 || event.tagStart !== -1)) return false;
  }
  return documents === 1;
}

interface Frame {
  spot: Spot;
  key?: { text: string; at: number };
}

function spots(events: Event[], text: string): Spot | undefined {
  let root: Spot | undefined;
  const stack: Frame[] = [];
  const place = (spot: Spot): boolean => {
    const parent = stack.at(-1);
    if (!parent) root = spot;
    else if (Array.isArray(parent.spot.children)) parent.spot.children.push(spot);
    else if (parent.key) {
      spot.key = parent.key.at;
      parent.spot.children?.set(parent.key.text, spot);
      parent.key = undefined;
    } else return false;
    return true;
  };
  for (const event of events) {
    if (event.type === ID.SEQUENCE || event.type === ID.MAPPING) {
      const spot: Spot = { at: event.start, flat: event.style === FLOW, children: event.type === ID.MAPPING ? new Map() : [] };
      if (!place(spot)) return undefined;
      stack.push({ spot });
    } else if (event.type === ID.SCALAR) {
      const parent = stack.at(-1);
      if (parent && !Array.isArray(parent.spot.children) && !parent.key) {
        const key = keyText(event, text);
        if (key === undefined || parent.spot.children?.has(key)) return undefined;
        parent.key = { text: key, at: scalarStart(event, text) };
      } else if (!place({ at: scalarStart(event, text), flat: true })) return undefined;
    } else if (event.type === ID.POP) stack.pop();
  }
  return root;
}

/** A plain key that would resolve to a number, a boolean or null is named differently in the data. */
const NOT_A_WORD = /^(?:[-+.\d~]|(?:null|true|false)$)/i;

function keyText(event: ScalarEvent, text: string): string | undefined {
  if (event.valueStart < 0) return undefined;
  if (event.style === STYLE.PLAIN) {
    const raw = text.slice(event.valueStart, event.valueEnd);
    return NOT_A_WORD.test(raw) ? undefined : raw;
  }
  if (event.style === STYLE.SINGLE_QUOTED || event.style === STYLE.DOUBLE_QUOTED) return jsYamlLibrary().getScalarValue(text, event);
  return undefined;
}

function scalarStart(event: ScalarEvent, text: string): number {
  if (event.valueStart < 0) return -1;
  if (event.style === STYLE.PLAIN) return event.valueStart;
  const quote = event.style === STYLE.SINGLE_QUOTED ? "'" : event.style === STYLE.DOUBLE_QUOTED ? '"' : undefined;
  return quote !== undefined && text[event.valueStart - 1] === quote ? event.valueStart - 1 : -1;
}
