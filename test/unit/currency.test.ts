// The ISO 4217 table, currency codes and the minor digits amounts may carry.
import { describe, expect, it } from 'vitest';
import { amountDigitsRule, countDecimals, currencyDigits, currencyProblem, toCents } from '../../src/model/money.js';
import { ISO_4217_CODES } from '../../src/model/iso-4217.js';

/** The schema's maxDecimals rule, as the loader applies it to amounts. */
const fitsDigits = (value: number, digits: number): boolean => countDecimals(value) <= digits;

const listed = (): string[] => Object.values(ISO_4217_CODES).flatMap((s) => s.trim().split(/\s+/));

describe('the ISO 4217 table', () => {
  it('holds the 179 codes of List One once each, as three capital letters', () => {
    const codes = listed();
    expect(codes).toHaveLength(179);
    expect(new Set(codes).size).toBe(179);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(Object.fromEntries(Object.entries(ISO_4217_CODES).map(([k, v]) => [k, v.trim().split(/\s+/).length]))).toEqual({ 0: 17, 2: 140, 3: 7, 4: 2, none: 13 });
  });

  it('gives the digits of ISO 4217, not those of Intl', () => {
    // Node's Intl says 0 for all four.
    expect([currencyDigits('IQD'), currencyDigits('HUF'), currencyDigits('IDR'), currencyDigits('COP')]).toEqual([3, 2, 2, 2]);
    expect([currencyDigits('CNY'), currencyDigits('USD'), currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KRW')]).toEqual([2, 2, 2, 0, 0]);
    expect([currencyDigits('BHD'), currencyDigits('KWD'), currencyDigits('CLF'), currencyDigits('UYW')]).toEqual([3, 3, 4, 4]);
  });

  it('has no digits for unknown codes and codes without minor units', () => {
    expect(currencyDigits('RMB')).toBeNull();
    expect(currencyDigits('cny')).toBeNull();
    expect(currencyDigits('XAU')).toBeNull();
    expect(currencyDigits('XTS')).toBeNull();
    expect(currencyDigits('constructor')).toBeNull();
    expect(currencyDigits('')).toBeNull();
  });
});

describe('currency codes', () => {
  it('accepts every code of the table that has minor units', () => {
    const none = new Set(ISO_4217_CODES.none.trim().split(/\s+/));
    for (const code of listed()) expect(currencyProblem(code) === null, code).toBe(!none.has(code));
  });

  it('rejects RMB with did-you-mean CNY, and other common names and withdrawn codes likewise', () => {
    expect(currencyProblem('RMB')).toBe('RMB is not an ISO 4217 currency code; did you mean CNY?');
    expect(currencyProblem('rmb')).toBe('rmb is not an ISO 4217 currency code; did you mean CNY?');
    expect(currencyProblem('NTD')).toMatch(/did you mean TWD\?$/);
    expect(currencyProblem('HRK')).toMatch(/did you mean EUR\?$/);
    expect(currencyProblem('VEF')).toMatch(/did you mean VES\?$/);
  });

  it('suggests the code in capitals, and codes one typo away', () => {
    expect(currencyProblem('cny')).toBe('cny is not an ISO 4217 currency code; did you mean CNY?');
    // one letter changed: only CNY is one letter from CNX
    expect(currencyProblem('CNX')).toBe('CNX is not an ISO 4217 currency code; did you mean CNY?');
    // two neighbours swapped
    expect(currencyProblem('UDS')).toBe('UDS is not an ISO 4217 currency code; did you mean USD or UZS?');
    expect(currencyProblem('GPB')).toBe('GPB is not an ISO 4217 currency code; did you mean GBP?');
    // a swap of letters that are not neighbours is no suggestion
    expect(currencyProblem('YPJ')).toBe('YPJ is not an ISO 4217 currency code; write the three capital letters of ISO 4217, e.g. CNY, USD, EUR');
    // several near codes are all named, up to three
    expect(currencyProblem('USS')).toBe('USS is not an ISO 4217 currency code; did you mean USD or USN or UZS?');
    // more than three (XAF, XOF, XPF, XCD) is no help
    expect(currencyProblem('XCF')).toMatch(/; write the three capital letters of ISO 4217, e.g. CNY, USD, EUR$/);
    expect(currencyProblem('QQQ')).toMatch(/; write the three capital letters/);
    // codes without minor units are never suggested: XAG is one letter from XAU but not a currency
    expect(currencyProblem('XAV')).toBe('XAV is not an ISO 4217 currency code; did you mean XAF?');
    expect(currencyProblem('DOLLAR')).toMatch(/; write the three capital letters/);
    // only codes of the same length are near: USDD is not one letter from USD
    expect(currencyProblem('USDD')).toMatch(/^USDD is not an ISO 4217 currency code; write the three capital letters/);
    expect(currencyProblem('')).toMatch(/^ is not an ISO 4217 currency code; write/);
    expect(currencyProblem('EURO')).toMatch(/did you mean EUR\?$/);
  });

  it('rejects codes without minor units with their own reason', () => {
    expect(currencyProblem('XAU')).toBe('XAU is an ISO 4217 code without minor units (a metal, fund or test code), not a currency to keep books in; write the currency of the accounts, e.g. CNY');
    expect(currencyProblem('XXX')).toMatch(/^XXX is an ISO 4217 code without minor units/);
    // in lower case it reads as a typo of a currency
    expect(currencyProblem('xau')).toBe('xau is not an ISO 4217 currency code; did you mean XAF?');
  });
});

describe('amount digits', () => {
  it('JPY takes whole yen only; 4800.5 is one decimal too many', () => {
    const jpy = currencyDigits('JPY')!;
    expect(fitsDigits(4800, jpy)).toBe(true);
    expect(fitsDigits(4800.5, jpy)).toBe(false);
    expect(amountDigitsRule('JPY', jpy)).toBe('amounts in JPY take 0 decimals');
    expect(toCents(4800, jpy)).toBe(4800);
  });

  it('two and three digits, at and past the edge', () => {
    expect(fitsDigits(1.13, 2)).toBe(true);
    expect(fitsDigits(1.135, 2)).toBe(false);
    expect(fitsDigits(1.135, 3)).toBe(true);
    expect(fitsDigits(-0.001, 3)).toBe(true);
    expect(fitsDigits(-0.0001, 3)).toBe(false);
    expect(fitsDigits(Number.NaN, 4)).toBe(false);
    expect(amountDigitsRule('IQD', 3)).toBe('amounts in IQD take at most 3 decimals');
    expect(toCents(1.135, currencyDigits('IQD')!)).toBe(1135);
  });
});
