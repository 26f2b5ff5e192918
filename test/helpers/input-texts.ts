// What a workspace's own files say: every scalar and key of every YAML file, and every file
// path. The zh-CN tests take these out of an output before asking whether English is left.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Every scalar and key of every YAML file, and every file path, of a workspace; longest first. */
export function inputTexts(root: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.add(k);
        walk(x);
      }
    }
    else if (v !== null && v !== undefined) out.add(String(v));
  };
  const visit = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.ya?ml$/.test(f)) {
        out.add(path.relative(root, p).split(path.sep).join('/'));
        for (const d of parseAllDocuments(readFileSync(p, 'utf8'))) walk(d.toJS());
      }
    }
  };
  visit(root);
  // Longest first, so a composite ("Qualified leads (leads)") is taken apart whole.
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}
