// Money is held as integer minor units (cents for 2-decimal currencies) in a JS number.
// Integers up to 2^53 are exact, i.e. up to 90 trillion in major units, far above any
// budget; arithmetic on them never drifts. Conversion from YAML numbers happens once, in
// the loader, after the schema has checked that at most `scale` decimals were written.

import { ISO_4217_CODES } from './iso-4217.js';

/** An amount in integer minor units. */
export type Cents = number;

/** Rounding rule applied only when an exact value must be shown with fewer digits. */
export type Rounding = 'half-up' | 'half-even';

/** Minor-unit digits by ISO 4217 code (List One); null for codes without minor units (XAU, XDR, XTS...). */
const DIGITS = new Map<string, number | null>(
  Object.entries(ISO_4217_CODES).flatMap(([digits, codes]) => codes.trim().split(/\s+/).map((code) => [code, digits === 'none' ? null : Number(digits)] as const)),
);

/**
 * Common names and withdrawn codes people still write, with the ISO 4217 code meant: the
 * did-you-mean of `currencyProblem`, since RMB is three letters away from CNY.
 */
// Stryker disable all: data (each entry is a string the mutants would empty), tested by example.
const ALIASES: Readonly<Record<string, string>> = {
  RMB: 'CNY', CNH: 'CNY', NTD: 'TWD', NTS: 'TWD', NIS: 'ILS', STG: 'GBP', UKL: 'GBP', YEN: 'JPY', EURO: 'EUR', RUR: 'RUB',
  HRK: 'EUR', LTL: 'EUR', LVL: 'EUR', EEK: 'EUR', SKK: 'EUR', BYR: 'BYN', MRO: 'MRU', STD: 'STN', VEF: 'VES', ZMK: 'ZMW', SLL: 'SLE', ZWL: 'ZWG',
};
// Stryker restore all

/**
 * Minor-unit digits of an ISO 4217 currency (2 for CNY, USD, EUR; 0 for JPY; 3 for IQD), from
 * the table in iso-4217.ts; null for a code that is not in it or has no minor unit. Callers
 * check the code with `currencyProblem` first.
 */
export function currencyDigits(currency: string): number | null {
  return DIGITS.get(currency) ?? null;
}

/** Codes one letter changed or two neighbours swapped away from `code`, that hold amounts. */
function nearCodes(code: string): string[] {
  const out: string[] = [];
  for (const [candidate, digits] of DIGITS) {
    if (digits === null || candidate.length !== code.length) continue;
    const diff: number[] = [];
    for (let i = 0; i < code.length; i++) if (code[i] !== candidate[i]) diff.push(i);
    const [a, b] = diff;
    const swapped = diff.length === 2 && b === a! + 1 && code[a!] === candidate[b] && code[b] === candidate[a!];
    if (diff.length === 1 || swapped) out.push(candidate);
  }
  return out;
}

/**
 * Why a currency code cannot be the company currency, with the code meant where one is
 * likely (`RMB` -> CNY, `cny` -> CNY, `USS` -> USD); null when it is a currency of ISO 4217
 * with minor units.
 */
export function currencyProblem(currency: string): string | null {
  const digits = DIGITS.get(currency);
  if (digits !== undefined && digits !== null) return null;
  if (digits === null) return `${currency} is an ISO 4217 code without minor units (a metal, fund or test code), not a currency to keep books in; write the currency of the accounts, e.g. CNY`;
  const upper = currency.toUpperCase();
  const meant = ALIASES[upper] ?? (DIGITS.get(upper) !== undefined && DIGITS.get(upper) !== null ? upper : undefined);
  if (meant !== undefined) return `${currency} is not an ISO 4217 currency code; did you mean ${meant}?`;
  const near = nearCodes(upper);
  const hint = near.length > 0 && near.length <= 3 ? `did you mean ${near.join(' or ')}?` : 'write the three capital letters of ISO 4217, e.g. CNY, USD, EUR';
  return `${currency} is not an ISO 4217 currency code; ${hint}`;
}

/**
 * The rule for amounts in a currency, in words (`amounts in JPY take 0 decimals`), for the
 * finding on an amount with more decimals than its currency's minor digits.
 */
export function amountDigitsRule(currency: string, digits: number): string {
  return digits === 0 ? `amounts in ${currency} take 0 decimals` : `amounts in ${currency} take at most ${digits} decimals`;
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

/** Converts a decimal number written with at most `digits` decimals to minor units, exactly. */
export function toCents(value: number, digits = 2): Cents {
  // The value has at most `digits` decimals (checked by the schema), so scaling and
  // rounding to the nearest integer recovers exactly what was written.
  const scaled = Math.round(value * 10 ** digits);
  return scaled === 0 ? 0 : scaled; // no -0
}

/** Converts minor units to a JS number in major units, for JSON output and spreadsheets. */
export function fromCents(cents: Cents, digits = 2): number {
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
  // Fewer digits shown than held: rounded by the rule; more: padded with zeros, never shifted.
  const units = shown < digits ? divideRounded(cents, 10 ** (digits - shown), options.rounding ?? 'half-up') : cents * 10 ** (shown - digits);
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
