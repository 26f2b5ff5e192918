// Rates in JSON output are percentages (0-100) named `...Pct`, rounded for output only: the
// computation keeps full precision (levels and flags are decided on it), but a reader of the
// JSON should see 7 and 91.51, not 7.000000000000001 and 91.50684931506849.

/**
 * Rounds a percentage to 2 decimals, half away from zero. The float noise of the computation
 * is dropped first (15 significant digits), so 1.005 rounds to 1.01 as written, not to 1.00
 * as its binary value 1.00499999... would.
 */
export function roundPct(value: number): number {
  if (!Number.isFinite(value)) return value;
  const hundredths = Math.round(Number((Math.abs(value) * 100).toPrecision(15)));
  const rounded = hundredths / 100;
  // Never -0: YAML would print it as "-0".
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** A copy of a JSON-able value with every number under a key ending in `Pct` rounded. */
export function roundRates<T>(value: T): T {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'number') return key.endsWith('Pct') ? roundPct(v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, '') as T;
}
