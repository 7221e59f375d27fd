import type { ApplicationData } from '../application/types.js';
import { isoDay } from '../application/dates.js';

/** `Zoë's Café — Łódź` → `zoes-cafe-lodz`: ASCII, so the folder name survives every unzip tool. */
export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'application';
}

/** The pack's top-level folder: `svmc-<organisation>-level-<n>[-renewal]-<YYYYMMDD>`. */
export function packName(data: ApplicationData, date: Date): string {
  const renewal = data.application.renewal === true ? '-renewal' : '';
  const day = isoDay(date).replace(/-/g, '');
  return `svmc-${slugify(data.applicant.organisation)}-level-${data.application.level}${renewal}-${day}`;
}
