// The little of fast-formula-parser's API the formula check uses (the package ships no types).
declare module 'fast-formula-parser' {
  interface CellAddress {
    sheet: string;
    row: number;
    col: number;
  }
  interface RangeAddress {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  type Value = number | string | boolean | null | undefined;
  export default class FormulaParser {
    constructor(config: { onCell: (ref: CellAddress) => Value; onRange: (ref: RangeAddress) => Value[][] });
    parse(formula: string, position: CellAddress): unknown;
  }
}
