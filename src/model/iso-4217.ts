// ISO 4217 List One (current currency and funds codes) as published on 2024-06-25 by the
// ISO 4217 maintenance agency: every alphabetic code by its minor-unit digits. Kept here rather
// than taken from Node's Intl, which gives 0 digits for IQD, HUF, IDR and COP where ISO 4217
// says 3, 2, 2 and 2. The list holds facts (codes and digits), free to download from the
// agency; to update, replace the codes below from a newer list (see README, Currencies).

/** Codes of List One by minor-unit digits; `none` where the list says N.A. (gold, SDR, test codes). */
// Stryker disable all: data, pinned code by code in test/unit/currency.test.ts.
export const ISO_4217_CODES = {
  0: `
    BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF
  `,
  2: `
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD
    EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN
    QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB
    TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD YER ZAR ZMW ZWG
  `,
  3: `
    BHD IQD JOD KWD LYD OMR TND
  `,
  4: `
    CLF UYW
  `,
  none: `
    XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX
  `,
} as const;
// Stryker restore all
