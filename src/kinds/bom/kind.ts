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
 * Every simple cycle through approved BOMs, each once, as the list of BOMs along it (the first
 * is the one with the smallest sku, so the same cycle is always named the same way).
 */
export function findBomCycles(boms: readonly Bom[]): Bom[][] {
  const bySku = new Map<string, Bom>();
  for (const b of boms) if (b.status === 'approved' && !bySku.has(b.sku)) bySku.set(b.sku, b);
  const cycles: Bom[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: Bom[] = [];
  const visit = (bom: Bom): void => {
    state.set(bom.sku, 'open');
    stack.push(bom);
    for (const c of bom.components) {
      const next = bySku.get(c.sku);
      if (!next) continue;
      if (state.get(next.sku) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        const start = loop.reduce((best, b, i) => (b.sku < loop[best]!.sku ? i : best), 0);
        const named = [...loop.slice(start), ...loop.slice(0, start)];
        const key = named.map((b) => b.sku).join('>');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(named);
        }
      } else if (!state.has(next.sku)) visit(next);
    }
    stack.pop();
    state.set(bom.sku, 'done');
  };
  for (const sku of [...bySku.keys()].sort()) if (!state.has(sku)) visit(bySku.get(sku)!);
  return cycles;
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
  for (const cycle of findBomCycles(ws.boms.filter((b) => (approved.get(b.sku)?.length ?? 0) < 2))) {
    // Each BOM on the cycle is named, with the path read from it, at the component that
    // leads to the next one: any of them is where the loop can be broken.
    cycle.forEach((b, i) => {
      const from = [...cycle.slice(i), ...cycle.slice(0, i)];
      const next = from[1 % from.length]!;
      const comp = b.components.find((c) => c.sku === next.sku)!;
      const path = [...from.map((x) => x.sku), b.sku].join(' -> ');
      report('error', 'bom/cycle', `approved BOMs form a cycle: ${path}; a product cannot be its own component, remove "${comp.sku}" from one of these BOMs`, b.file, ['components', comp.index, 'sku']);
    });
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
