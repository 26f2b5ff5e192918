// Checks across files that a schema cannot express. Each kind declares its own checks (in
// src/kinds/<kind>/kind.ts); this module hands them the shared tools and runs them in
// registry order. Each check has a stable code; each finding points at the node that is wrong.
import type { CheckContext, RejectedFile } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Workspace } from '../model/workspace.js';
import type { Locator } from './load-workspace.js';

/** Runs every kind's cross-file checks on a loaded workspace. */
export function checkWorkspace(ws: Workspace, locate: Locator, rejected: readonly RejectedFile[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const company = ws.company;
  const departments = new Set(company?.departments.map((d) => d.id) ?? []);
  const warehouses = new Set(company?.warehouses.map((w) => w.id) ?? []);
  const ctx: CheckContext = {
    ws,
    company,
    startMonth: company?.fiscalYearStartMonth ?? 1,
    departments,
    warehouses,
    report: (severity, code, message, file, path, at = 'value') => {
      const pos = locate(file, path, at);
      out.push({ code, severity, message, file, line: pos.line, column: pos.column, path: '/' + path.join('/'), endLine: pos.endLine, endColumn: pos.endColumn });
    },
    knownDepartment: (dept, file, path) => {
      if (!company || departments.has(dept)) return true;
      // Departments are often named by their display name (市场部) instead of their id.
      const byName = company.departments.find((d) => d.name === dept || d.name.toLowerCase() === dept.toLowerCase());
      const hint = byName ? `; "${dept}" is the name of department "${byName.id}": write department: ${byName.id}` : ` (known: ${[...departments].join(', ')})`;
      ctx.report('error', 'ref/unknown-department', `department "${dept}" is not declared in opsplan.yaml; declare it under departments: or fix the id${hint}`, file, path);
      return false;
    },
    duplicates: (items, keyOf, emit) => {
      const first = new Map<string, (typeof items)[number]>();
      for (const it of items) {
        const k = keyOf(it);
        const prev = first.get(k);
        if (prev !== undefined) emit(it, prev);
        else first.set(k, it);
      }
    },
    idsUnique: (file, list, field, code) => {
      const seen = new Set<string>();
      (list ?? []).forEach((x, i) => {
        if (seen.has(x.id)) ctx.report('error', code, `${field} id "${x.id}" is used twice in this file; ids must be unique`, file, [field, i, 'id']);
        seen.add(x.id);
      });
    },
    rejected: (kind, match) => rejected.find((r) => r.kind === kind && r.data !== null && typeof r.data === 'object' && match(r.data as Record<string, unknown>)),
  };
  for (const kind of KINDS) kind.check?.(ctx);
  return out;
}
