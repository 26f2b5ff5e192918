// Periodic safety inspections (四.四): hazards with owners and deadlines, closed only when the
// rectification is verified.
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';
import type { SafetyInspection, SafetyInspectionDoc } from './types.js';

function checkSafety(ctx: CheckContext): void {
  const { ws, report, duplicates, idsUnique } = ctx;
  duplicates(ws.safetyInspections, (s) => s.id, (s, first) => report('error', 'safety/duplicate-id', `inspection id "${s.id}" is also used by ${first.file}; ids must be unique`, s.file, ['id']));
  for (const s of ws.safetyInspections) {
    idsUnique(s.file, s.hazards, 'hazards', 'safety/duplicate-hazard');
    for (const h of s.hazards) {
      const at = (field: string): (string | number)[] => ['hazards', h.index, field];
      if (h.deadline < s.date) report('error', 'safety/deadline-before-inspection', `hazard "${h.id}" is due ${h.deadline}, before the inspection found it (${s.date}); fix the deadline`, s.file, at('deadline'));
      if (h.rectifiedOn !== undefined && h.rectifiedOn < s.date) report('error', 'safety/rectified-before-inspection', `hazard "${h.id}" was rectified ${h.rectifiedOn}, before the inspection found it (${s.date}); fix the date`, s.file, at('rectifiedOn'));
      if (h.verifiedOn !== undefined && h.rectifiedOn !== undefined && h.verifiedOn < h.rectifiedOn) report('error', 'safety/verified-before-rectified', `hazard "${h.id}" was verified ${h.verifiedOn}, before it was rectified (${h.rectifiedOn}); fix one of the dates`, s.file, at('verifiedOn'));
      if (h.rectifiedOn !== undefined && h.verifiedOn === undefined) {
        // The regime closes a major hazard only after a check on site; a general one counts
        // as rectified once verified too, so it stays open (with a warning) until then.
        if (h.level === 'major') report('error', 'safety/major-unverified', `major hazard "${h.id}" is marked rectified on ${h.rectifiedOn} without verification; add verifiedBy and verifiedOn after the on-site check`, s.file, at('rectifiedOn'));
        else report('warning', 'safety/unverified', `hazard "${h.id}" is marked rectified on ${h.rectifiedOn} but not verified; it stays open until verifiedBy and verifiedOn are added`, s.file, at('rectifiedOn'));
      }
    }
  }
}

/** Safety inspections. */
export const safetyInspectionKind = defineKind({
  id: 'safety-inspection',
  collection: 'safetyInspections',
  title: 'one safety inspection: the hazards found, their owners, deadlines, rectification and verification',
  globs: ['safety/**/*.yaml'],
  template: {
    path: 'safety/SI-2026-01-01.yaml',
    text: `kind: safety-inspection
version: 1
id: SI-2026-01-01
date: 2026-01-08
area: Hall A
inspector: Safety officer
hazards:
  - id: H-01
    description: Fire extinguisher at the press line past its inspection date
    level: general
    owner: Hall A supervisor
    deadline: 2026-01-15
`,
  },
  normalize: (raw, ctx): SafetyInspection => {
    const d = raw as SafetyInspectionDoc;
    return { file: ctx.file, id: d.id, date: d.date, area: d.area, inspector: d.inspector, hazards: d.hazards.map((h, index) => ({ ...h, index })) };
  },
  check: checkSafety,
});
