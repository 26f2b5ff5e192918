// Random edits of a text for the loader's fuzz tests: fast-check draws the edits, this applies
// them, so every fuzz test mutates files the same way.

/** One edit: at a position (taken modulo the text's length + 1), delete `del` characters and insert `insert`. */
export interface TextEdit {
  at: number;
  del: number;
  insert: string;
}

/** `text` with `edits` applied in order, each at its position in the text the previous ones left. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const ed of edits) {
    const at = ed.at % (out.length + 1);
    out = out.slice(0, at) + ed.insert + out.slice(at + ed.del);
  }
  return out;
}
