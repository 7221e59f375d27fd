/**
 * A signing time for people: ISO 8601 to the second with the zone it is shown in, e.g.
 * `2026-03-01T14:05:09+01:00`, or `…Z` in UTC. Trusted comments keep minisign's `timestamp:` seconds.
 */
export function formatSigningTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset > 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** The time of a trusted comment's `timestamp:` field (seconds since 1970), when it holds one. */
export function timestampOf(fields: Record<string, string>): Date | undefined {
  const text = fields.timestamp;
  if (text === undefined || !/^\d{1,12}$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds > 0 ? new Date(seconds * 1000) : undefined;
}
