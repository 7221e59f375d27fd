import { AWARD_VALIDITY_YEARS } from '../domain.js';

/** A YYYY-MM-DD date as UTC midnight, or undefined when it is not a real date. */
export function parseDay(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

/** `2026-03-01`: the UTC day of a time. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The day an award made on `awarded` expires: two years on. From that day it no longer counts. */
export function awardExpiry(awarded: Date): Date {
  const expiry = new Date(awarded);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + AWARD_VALIDITY_YEARS);
  return expiry;
}
