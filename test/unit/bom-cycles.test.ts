// findBomCycles worked by hand: which approved BOMs lie on a loop, and the shortest loop from each.
import { describe, expect, it } from 'vitest';
import { findBomCycles } from '../../src/kinds/bom/kind.js';
import type { Bom } from '../../src/kinds/bom/types.js';

const bom = (sku: string, components: string[], status: Bom['status'] = 'approved'): Bom => ({
  file: `boms/${sku}.yaml`,
  sku,
  name: sku,
  unit: 'pcs',
  output: 1000,
  status,
  components: components.map((c, index) => ({ sku: c, qty: 1000, unit: 'pcs', scrapPct: 0, index })),
});
const loops = (boms: Bom[]): string[] => findBomCycles(boms).map((c) => [...c.path, c.bom].map((b) => b.sku).join(' -> '));

describe('findBomCycles', () => {
  it('names every BOM on a loop, also one reached only through a BOM already on another loop', () => {
    // A uses B and C, B uses A, C uses B: loops A -> B -> A and A -> C -> B -> A. C lies only on
    // the second; a search that stops at B once it is finished would never name C.
    expect(loops([bom('A', ['B', 'C']), bom('B', ['A']), bom('C', ['B'])])).toEqual(['A -> B -> A', 'B -> A -> B', 'C -> B -> A -> C']);
  });

  it('finds nothing in a diamond, and ignores drafts and bought components', () => {
    expect(loops([bom('A', ['B', 'C']), bom('B', ['D', 'RM-1']), bom('C', ['D']), bom('D', ['RM-2'])])).toEqual([]);
    expect(loops([bom('A', ['B']), bom('B', ['A'], 'draft')])).toEqual([]);
  });

  it('a self-reference is a loop of one; two separate loops are both found', () => {
    expect(loops([bom('A', ['A'])])).toEqual(['A -> A']);
    expect(loops([bom('A', ['B']), bom('B', ['A']), bom('X', ['Y']), bom('Y', ['Z']), bom('Z', ['X']), bom('P', ['A', 'X'])])).toEqual([
      'A -> B -> A',
      'B -> A -> B',
      'X -> Y -> Z -> X',
      'Y -> Z -> X -> Y',
      'Z -> X -> Y -> Z',
    ]);
  });

  it('walks a chain of 20,000 BOMs without running out of stack', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => bom(`S${String(i).padStart(5, '0')}`, [`S${String(i + 1).padStart(5, '0')}`]));
    expect(findBomCycles(chain)).toEqual([]);
    chain[19999] = bom('S19999', ['S19990']);
    expect(findBomCycles(chain).map((c) => c.bom.sku)).toEqual(Array.from({ length: 10 }, (_, i) => `S${19990 + i}`));
  });
});
