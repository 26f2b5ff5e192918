// Exact stock quantities. Quantities are written with at most 3 decimals (12.375 kg), so they
// are held as integer thousandths ("milli-units"): sums, differences and comparisons are then
// exact (0.1 + 0.2 kg is exactly 0.3 kg), where floats would drift. Values (quantity x unit
// cost) are computed exactly and rounded once to cents, half-up.
import { divideRounded } from '../model/money.js';
import type { Cents, Rounding } from '../model/money.js';

/** A quantity in integer thousandths of its unit (1.5 kg = 1500). */
export type Milli = number;

/** Thousandths per unit. */
export const MILLI = 1000;

/** Converts a quantity written with at most 3 decimals to thousandths, exactly. */
export function toMilli(value: number): Milli {
  // At most 3 decimals are allowed by the schema, so scaling and rounding recovers exactly
  // what was written (8395.2 * 1000 = 8395199.999... -> 8395200).
  const m = Math.round(value * MILLI);
  return m === 0 ? 0 : m;
}

/** Converts thousandths back to a JS number in units, for JSON and display. */
export function fromMilli(m: Milli): number {
  const r = m / MILLI;
  return r === 0 ? 0 : r;
}

/** Rounds thousandths up to a whole unit (ceil), e.g. a computed reorder point 362.5 -> 363. */
export function ceilToUnit(m: Milli): Milli {
  return Math.ceil(m / MILLI) * MILLI;
}

/** Rounds `m` up to a multiple of `step` (both in thousandths; step > 0). */
export function roundUpToMultiple(m: Milli, step: Milli): Milli {
  if (step <= 0) return m;
  const q = Math.floor(m / step);
  return (q * step === m ? q : q + 1) * step;
}

/**
 * The value of `m` thousandths at `unitCost` cents per unit, in cents, rounded half-up (away
 * from zero for negative quantities). The product is formed as a BigInt when it would leave
 * the range where doubles are exact.
 */
export function valueOf(m: Milli, unitCost: Cents, rounding: Rounding = 'half-up'): Cents {
  const product = m * unitCost;
  if (Number.isSafeInteger(product)) return divideRounded(product, MILLI, rounding);
  const p = BigInt(m) * BigInt(unitCost);
  const neg = p < 0n;
  const abs = neg ? -p : p;
  let q = abs / 1000n;
  const r = abs - q * 1000n;
  if (2n * r > 1000n || (2n * r === 1000n && (rounding === 'half-up' || q % 2n === 1n))) q += 1n;
  const v = Number(neg ? -q : q);
  return v === 0 ? 0 : v;
}

/** Compares |m| x unitCost (exact, unrounded, in thousandths of a cent) with a limit in cents: -1, 0 or 1. */
export function compareValueTo(m: Milli, unitCost: Cents, limit: Cents): -1 | 0 | 1 {
  const lhs = BigInt(Math.abs(m)) * BigInt(unitCost);
  const rhs = BigInt(limit) * BigInt(MILLI);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** Formats thousandths as a plain decimal without trailing zeros (1198.4, 25, 0.3). */
export function formatMilli(m: Milli): string {
  const neg = m < 0;
  const abs = Math.abs(m);
  const int = Math.floor(abs / MILLI);
  const frac = String(abs - int * MILLI).padStart(3, '0').replace(/0+$/, '');
  return (neg ? '-' : '') + String(int) + (frac ? '.' + frac : '');
}
