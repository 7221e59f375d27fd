import type { ApplicationData } from '../application/types.js';
import { LEVEL_NAMES, type Size } from '../domain.js';

export { formatPercent, formatPounds } from '../fee/money.js';

const SIZE_NAMES: Record<Size, string> = { small: 'Small', medium: 'Medium', large: 'Large', 'very-large': 'Very large' };

export const sizeName = (size: Size): string => SIZE_NAMES[size];

/** "Level 3 · Manage", or "Level 3 · Manage — renewal". */
export function levelLabel(data: ApplicationData): string {
  const { level, renewal } = data.application;
  return `Level ${level} · ${LEVEL_NAMES[level]}${renewal ? ' — renewal' : ''}`;
}

/** YYYY-MM-DD in UTC, so the summary does not depend on where it was made. */
export function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 10);
}

/** "2025-03-01T14:05:09Z" (ISO 8601, UTC) from an ISO time; the text as given when it is not one. */
export function isoTime(text: string | undefined): string {
  if (!text) return '—';
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  // UTC, so that a pack made anywhere renders the same bytes.
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** First 12 hex digits of a SHA-256, enough for an assessor to match the manifest by eye. */
export function shortHash(hex: string | undefined): string {
  return hex ? hex.slice(0, 12).toLowerCase() : '—';
}
