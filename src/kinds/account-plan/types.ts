// The account-plan kind's document and model.
import type { Source } from '../../model/workspace.js';

/** A | B | C */
export type AccountTier = 'A' | 'B' | 'C';

/** One return visit. */
export interface AccountVisit {
  planned: string;
  done?: string;
  notes?: string;
}

/** `kind: account-plan` as written. */
export interface AccountPlanDoc {
  kind: 'account-plan';
  version: 1;
  customer: string;
  fiscalYear: string;
  tier: AccountTier;
  owner: string;
  visits: AccountVisit[];
}

/** A loaded key-account plan. */
export interface AccountPlan extends Source {
  customer: string;
  /** `FY2026` -> 2026. */
  fiscalYear: number;
  tier: AccountTier;
  owner: string;
  visits: AccountVisit[];
}
