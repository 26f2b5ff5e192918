// The consolidated company plan written by `opsplan consolidate --format yaml`: validated when
// kept in the workspace, never computed from (the figures come from the department files).
import { defineKind } from '../kind.js';

/** The consolidated company plan (output of consolidate). */
export const companyPlanKind = defineKind({
  id: 'company-plan',
  collection: null,
  title: 'the consolidated company plan written by opsplan consolidate (validated, never computed from)',
  globs: ['company-plan*.yaml', '**/company-plan*.yaml'],
  normalize: (): null => null,
});
