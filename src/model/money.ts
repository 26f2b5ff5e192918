// Money is held as integer minor units (cents for 2-decimal currencies) in a JS number.
// Integers up to 2^53 are exact, i.e. up to 90 trillion in major units, far above any
// budget; arithmetic on them never drifts. Conversion from YAML numbers happens once, in
// the loader, after the schema has checked that at most `scale` decimals were written.

/** An amount in integer minor units. */
export type Cents = number;

/** Rounding rule applied only when an exact value must be shown with fewer digits. */
export type Rounding = 'half-up' | 'half-even';

/** Minor-unit digits per ISO 4217 currency; 2 unless listed. */
const CURRENCY_DIGITS: Record<string, number> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3,
};

/** Returns the number of minor-unit digits of a currency (2 for CNY, USD, EUR...). */
export function currencyDigits(currency: string): number {
  return CURRENCY_DIGITS[currency] ?? 2;
}

/**
 * Counts the decimals of a number as JavaScript prints it (the shortest round-trip form,
 * which is what the YAML file said for anything with at most 15 significant digits).
 */
export function countDecimals(value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  // Integers below 1e21 print without an exponent or a dot: no decimals (the common case).
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return 0;
  const s = String(Math.abs(value));
  const e = s.indexOf('e-');
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf('.');
    return Number(s.slice(e + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0);
  }
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot >= 0 ? s.length - dot - 1 : 0;
}

/** Converts a decimal number written with at most 2 decimals to cents, exactly. */
export function toCents(value: number, digits = 2): Cents {
  // The value has at most `digits` decimals (checked by the schema), so scaling and
  // rounding to the nearest integer recovers exactly what was written.
  const scaled = Math.round(value * 10 ** digits);
  return scaled === 0 ? 0 : scaled; // no -0
}

/** Converts cents to a JS number in major units, for JSON output and spreadsheets. */
export function fromCents(cents: Cents, digits = 2): number {
  if (digits === 0) return cents;
  // Division of an integer by a power of ten gives the closest double to the decimal, which
  // prints back as the same decimal.
  const r = cents / 10 ** digits;
  return r === 0 ? 0 : r;
}

/** Sums amounts exactly. */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Splits `total` into `parts` integer shares that add up to it exactly: each share is the
 * floor of the even split, and the leftover units go one each to the first shares
 * (largest remainder with equal remainders, so earlier months get the extra cent).
 */
export function spreadEvenly(total: Cents, parts: number): Cents[] {
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const base = Math.floor(abs / parts);
  let rest = abs - base * parts;
  const out: Cents[] = [];
  for (let i = 0; i < parts; i++) {
    const extra = rest > 0 ? 1 : 0;
    rest -= extra;
    const v = sign * (base + extra);
    out.push(v === 0 ? 0 : v);
  }
  return out;
}

/**
 * Divides integer `numerator` by positive integer `denominator` and rounds to an integer
 * by the given rule, without going through floating-point fractions.
 */
export function divideRounded(numerator: number, denominator: number, rounding: Rounding = 'half-up'): number {
  if (denominator <= 0 || !Number.isInteger(denominator)) throw new RangeError('denominator must be a positive integer');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  let result = q;
  if (2 * r > denominator) result = q + 1;
  else if (2 * r === denominator) result = rounding === 'half-up' ? q + 1 : q % 2 === 0 ? q : q + 1;
  const v = sign * result;
  return v === 0 ? 0 : v;
}

/**
 * Formats cents as a decimal string in major units with the given number of shown
 * decimals (default: all of them, so nothing is rounded) and thousands separators.
 */
export function formatMoney(cents: Cents, options: { digits?: number; shown?: number; rounding?: Rounding; grouping?: boolean } = {}): string {
  const digits = options.digits ?? 2;
  const shown = options.shown ?? digits;
  let units = cents;
  if (shown < digits) units = divideRounded(cents, 10 ** (digits - shown), options.rounding ?? 'half-up');
  const negative = units < 0;
  const abs = String(Math.abs(units)).padStart(shown + 1, '0');
  let int = shown > 0 ? abs.slice(0, abs.length - shown) : abs;
  const frac = shown > 0 ? abs.slice(abs.length - shown) : '';
  if (options.grouping ?? true) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + int + (frac ? '.' + frac : '');
}

/**
 * Variance percentage with one decimal kept as an exact ratio: returns
 * variance / |budget| * 100, or null when the budget is zero (a percentage of nothing is
 * undefined, never 0%).
 */
export function percentOf(part: Cents, whole: Cents): number | null {
  if (whole === 0) return null;
  return (part / Math.abs(whole)) * 100;
}
