// Material planning as the commands run it: `mrp` itself, and `stock`, `report` and `diff`, whose
// procurement plans (and reorder suggestions) take MRP's buy orders for the skus it plans
// (README, "opsplan stock").
import { computeMrp } from '../domain/mrp/compute.js';
import { productionWarehouseId } from '../kinds/company/kind.js';
import type { MrpResult } from '../domain/mrp/types.js';
import type { Company } from '../model/workspace.js';
import type { CommandLoad } from './load-for-command.js';

/** `--horizon`'s default: a quarter. `stock` and `report` plan over it too. */
export const DEFAULT_HORIZON_WEEKS = 13;

/** Runs MRP over the loaded workspace; approved BOMs left out for their errors are listed, never bought instead. */
export function planMaterials(load: CommandLoad, company: Company, asOf: string, horizonWeeks: number = DEFAULT_HORIZON_WEEKS): MrpResult {
  const brokenBoms = load.result.rejected.flatMap((r) => {
    const d = r.data as { sku?: unknown; status?: unknown } | null;
    return r.kind === 'bom' && d && typeof d.sku === 'string' && d.status !== 'draft' ? [{ file: r.file, sku: d.sku }] : [];
  });
  return computeMrp(load.result.workspace, { asOf, horizonWeeks, rounding: company.rounding, digits: company.currencyDigits, brokenBoms });
}

/**
 * The material plan `computeStock` takes, as `stock` runs it: none without a production
 * warehouse (then every sku is bought by its reorder point).
 */
export function planMaterialsForStock(load: CommandLoad, company: Company, asOf: string): MrpResult | undefined {
  return productionWarehouseId(company) === null ? undefined : planMaterials(load, company, asOf);
}
