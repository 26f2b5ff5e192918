// The terminal grid: the layout cli-table3 gave (compact style), drawn in one pass.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderGrid, renderTable, visibleWidth } from '../../src/render/table.js';

describe('renderGrid', () => {
  it('pads to the widest line, aligns per column, and keeps multi-line cells in their row', () => {
    const grid = renderGrid(['Name', 'Qty'], [['gear\npump', '1'], ['中文x', '12345'], ['', '-']], ['left', 'right']);
    expect(grid).toBe(
      [
        '┌───────┬───────┐',
        '│ Name  │   Qty │',
        '├───────┼───────┤',
        '│ gear  │     1 │',
        '│ pump  │       │',
        '│ 中文x │ 12345 │',
        '│       │     - │',
        '└───────┴───────┘',
      ].join('\n'),
    );
  });

  it('does not count colour codes and styles the whole header cell', () => {
    const c = new Chalk({ level: 1 });
    const grid = renderGrid(['A', 'B'], [[c.red('red'), '1']], ['left', 'right'], (s) => c.bold(s));
    expect(grid.split('\n')[1]).toBe(`│${c.bold(' A   ')}│${c.bold(' B ')}│`);
    expect(grid.split('\n')[3]).toBe(`│ ${c.red('red')} │ 1 │`);
    expect(visibleWidth(c.red('red'))).toBe(3);
  });

  it('draws 20,000 rows in one pass: every row is one line', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ cells: { sku: `SKU-${i}`, qty: i } }));
    const text = renderTable({ id: 't', title: 'T', columns: [{ key: 'sku', header: 'SKU', type: 'text' }, { key: 'qty', header: 'Qty', type: 'number' }], rows }, 2, { color: false });
    const lines = text.trimEnd().split('\n');
    // Title, top rule, header, rule, 20,000 rows, bottom rule.
    expect(lines).toHaveLength(20_005);
    expect(lines[lines.length - 2]).toBe('│ SKU-19999 │ 19999 │');
  });
});
