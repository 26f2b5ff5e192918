// Exact rational numbers over BigInt, for scores: a score is a chain of divisions
// (60 + 40 x (v - threshold) / (target - threshold), then weighted means) that floating point
// would bend, and the department score is rounded half-up to two decimals exactly once. Every
// input number is taken as the decimal JavaScript prints for it (what the YAML file said).

/** n / d with d > 0, not necessarily reduced. */
export interface Rational {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new Error('rational: division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** The decimal a finite number prints as, exactly: 0.1 is 1/10, not the double nearest to it. */
export function rat(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`rational: ${x} is not finite`);
  const [mant, expPart] = String(x).toLowerCase().split('e') as [string, string | undefined];
  const exp = expPart === undefined ? 0 : Number(expPart);
  const neg = mant.startsWith('-');
  const [int, frac = ''] = (neg ? mant.slice(1) : mant).split('.') as [string, string | undefined];
  let n = BigInt(int + frac);
  let d = 10n ** BigInt(frac.length);
  if (exp > 0) n *= 10n ** BigInt(exp);
  else if (exp < 0) d *= 10n ** BigInt(-exp);
  return make(neg ? -n : n, d);
}

export const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
/** -1, 0 or 1. */
export const cmp = (a: Rational, b: Rational): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** The nearest double, for display and JSON (never fed back into a score). */
export function toNumber(a: Rational): number {
  // Through a 20-decimal string: Number(n) / Number(d) would round both terms first.
  const scale = 10n ** 20n;
  const q = (abs(a.n) * scale) / a.d;
  const int = q / scale;
  const frac = (q % scale).toString().padStart(20, '0');
  const r = Number(`${a.n < 0n ? '-' : ''}${int}.${frac}`);
  return r === 0 ? 0 : r;
}

/** Rounds half-up (away from zero on .5) to `digits` decimals and returns the double of that decimal. */
export function roundHalfUp(a: Rational, digits: number): number {
  const scale = 10n ** BigInt(digits);
  const scaled = abs(a.n) * scale;
  let q = scaled / a.d;
  if ((scaled % a.d) * 2n >= a.d) q += 1n;
  const signed = a.n < 0n ? -q : q;
  const r = Number(signed) / 10 ** digits;
  return r === 0 ? 0 : r;
}

/** Σ weight x value / Σ weight, or null when no weight is given. */
export function weightedMean(items: readonly { weight: Rational; value: Rational }[]): Rational | null {
  let num: Rational = { n: 0n, d: 1n };
  let den: Rational = { n: 0n, d: 1n };
  for (const it of items) {
    num = add(num, mul(it.weight, it.value));
    den = add(den, it.weight);
  }
  return den.n === 0n ? null : div(num, den);
}
