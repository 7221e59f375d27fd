/** An exact decimal number: `units / 10^scale`. Money maths never goes through floating point. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export function parseDecimal(text: string): Decimal | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return { units: BigInt((match[1] ?? '') + fraction), scale: fraction.length };
}

/** The exact decimal a number was written as (0.175 → 175/1000), so 17.5% VAT rounds as people expect. */
export function decimalOf(value: number): Decimal {
  const text = value.toString().includes('e') ? value.toFixed(20).replace(/0+$/, '') : value.toString();
  return parseDecimal(text.endsWith('.') ? text.slice(0, -1) : text) ?? { units: 0n, scale: 0 };
}

/** pence × rate, rounded half-up to the penny (amounts are never negative). */
export function multiplyRoundHalfUp(pence: number, rate: Decimal): number {
  const denominator = 10n ** BigInt(rate.scale);
  const product = BigInt(pence) * rate.units;
  return Number((product * 2n + denominator) / (2n * denominator));
}

/** 125000 → "£1,250.00". */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const absolute = Math.abs(pence);
  const pounds = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${pounds}.${String(absolute % 100).padStart(2, '0')}`;
}

/** 0.2 → "20%", 0.175 → "17.5%". */
export function formatPercent(rate: number): string {
  return `${Number((rate * 100).toFixed(6))}%`;
}
