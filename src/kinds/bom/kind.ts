// Bills of materials (四.一, 七.一.2): what a product is made of. Only approved BOMs are used;
// a component with its own approved BOM is made, not bought, so BOMs form a graph that must
// not loop back on itself.
import { toMilli } from '../../domain/quantity.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import type { Bom, BomDoc } from './types.js';

function normalizeBom(raw: unknown, ctx: NormalizeContext): Bom {
  const b = raw as BomDoc;
  return {
    file: ctx.file,
    sku: b.sku,
    name: b.name,
    unit: b.unit,
    output: toMilli(b.output ?? 1),
    status: b.status,
    line: b.line,
    hoursPerUnit: b.hoursPerUnit,
    components: b.components.map((c, index) => ({ sku: c.sku, qty: toMilli(c.qty), unit: c.unit, scrapPct: c.scrapPct ?? 0, index })),
  };
}

/**
 * Every approved BOM that lies on a cycle, with the shortest cycle from it back to itself
 * (`path` starts with the BOM and ends with the one whose component closes the loop). Strongly
 * connected components first (Tarjan), so a workspace without cycles costs one linear pass and
 * a BOM that lies only on a longer loop through a shared BOM is still found (a depth-first
 * search that stops at finished nodes misses A -> C -> B -> A once A -> B -> A is seen).
 */
export function findBomCycles(boms: readonly Bom[]): { bom: Bom; path: Bom[] }[] {
  const bySku = new Map<string, Bom>();
  for (const b of boms) if (b.status === 'approved' && !bySku.has(b.sku)) bySku.set(b.sku, b);
  const next = (b: Bom): Bom[] => b.components.flatMap((c) => bySku.get(c.sku) ?? []);
  // Tarjan's algorithm, iterative (a deep BOM chain must not overflow the stack).
  const index = new Map<Bom, number>();
  const low = new Map<Bom, number>();
  const onStack = new Set<Bom>();
  const stack: Bom[] = [];
  const component = new Map<Bom, number>();
  let counter = 0;
  let components = 0;
  for (const root of [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : 1))) {
    if (index.has(root)) continue;
    const work: { bom: Bom; children: Bom[]; at: number }[] = [];
    const open = (b: Bom): void => {
      index.set(b, counter);
      low.set(b, counter++);
      stack.push(b);
      onStack.add(b);
      work.push({ bom: b, children: next(b), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.at < top.children.length) {
        const child = top.children[top.at++]!;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(top.bom, Math.min(low.get(top.bom)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.bom, Math.min(low.get(parent.bom)!, low.get(top.bom)!));
      if (low.get(top.bom) === index.get(top.bom)) {
        let b: Bom;
        do {
          b = stack.pop()!;
          onStack.delete(b);
          component.set(b, components);
        } while (b !== top.bom);
        components++;
      }
    }
  }
  const size = new Map<number, number>();
  for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const out: { bom: Bom; path: Bom[] }[] = [];
  for (const bom of [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : 1))) {
    const own = component.get(bom)!;
    const cyclic = size.get(own)! > 1 || next(bom).includes(bom);
    if (!cyclic) continue;
    // Shortest way back to itself, inside its component; components in file order, so ties
    // resolve the same way every time.
    const from = new Map<Bom, Bom>();
    const queue: Bom[] = [bom];
    let last: Bom | null = null;
    for (let at = 0; at < queue.length && last === null; at++) {
      for (const n of next(queue[at]!)) {
        if (component.get(n) !== own) continue;
        if (n === bom) {
          last = queue[at]!;
          break;
        }
        if (!from.has(n)) {
          from.set(n, queue[at]!);
          queue.push(n);
        }
      }
    }
    const path: Bom[] = [];
    for (let b: Bom | undefined = last!; b !== undefined && b !== bom; b = from.get(b)) path.unshift(b);
    out.push({ bom, path: [bom, ...path] });
  }
  return out;
}

function checkBoms({ ws, report }: CheckContext): void {
  for (const b of ws.boms) {
    const seen = new Set<string>();
    for (const c of b.components) {
      if (seen.has(c.sku)) report('error', 'bom/duplicate-component', `component "${c.sku}" appears twice in this BOM; merge the two entries into one quantity`, b.file, ['components', c.index, 'sku']);
      seen.add(c.sku);
    }
  }
  // Two approved BOMs for one sku: neither is used (which one is right is the user's call),
  // so each is named, and material planning lists the sku as unplanned.
  const approved = new Map<string, Bom[]>();
  for (const b of ws.boms) if (b.status === 'approved') approved.set(b.sku, [...(approved.get(b.sku) ?? []), b]);
  for (const [sku, list] of approved) {
    if (list.length < 2) continue;
    for (const b of list) {
      const others = list.filter((o) => o !== b).map((o) => o.file).join(', ');
      report('error', 'bom/duplicate-approved', `sku "${sku}" has another approved BOM (${others}); keep one approved BOM per sku and set the others to status: draft`, b.file, ['status']);
    }
  }
  for (const { bom: b, path } of findBomCycles(ws.boms.filter((x) => (approved.get(x.sku)?.length ?? 0) < 2))) {
    // Each BOM on a cycle is named, with the shortest loop read from it, at the component that
    // leads on: any of them is where the loop can be broken.
    const comp = b.components.find((c) => c.sku === (path[1] ?? b).sku)!;
    const text = [...path.map((x) => x.sku), b.sku].join(' -> ');
    report('error', 'bom/cycle', `approved BOMs form a cycle: ${text}; a product cannot be its own component, remove "${comp.sku}" from one of these BOMs`, b.file, ['components', comp.index, 'sku']);
  }
}

/** Bills of materials. */
export const bomKind = defineKind({
  id: 'bom',
  collection: 'boms',
  title: 'a bill of materials: the components (with scrap) that make a product',
  globs: ['boms/**/*.yaml'],
  template: {
    path: 'boms/FG-1001.yaml',
    text: `kind: bom
version: 1
sku: "FG-1001"
name: Gear pump GP-10
unit: pcs
output: 1
status: approved
line: LINE-A
hoursPerUnit: 0.75
components:
  - sku: "RM-0001"
    qty: 2.4
    unit: kg
    scrapPct: 5
`,
  },
  normalize: (doc, ctx): Bom => normalizeBom(doc, ctx),
  check: checkBoms,
});
