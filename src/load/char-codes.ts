// Character codes the YAML text scanners (fast-parse.ts, locate-plain.ts) compare against:
// charCodeAt and numbers, not one-character strings, because they run over every byte.
export const TAB = 9;
export const NL = 10;
export const CR = 13;
export const SPACE = 32;
export const DQ = 34;
export const HASH = 35;
export const SQ = 39;
export const DASH = 0x2d;
export const COLON = 0x3a;
export const BACKSLASH = 92;
