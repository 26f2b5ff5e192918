// The one ajv configuration, shared by the build (which writes standalone validators, see
// scripts/build-schemas.mjs) and the run-time fallback used when no build exists (tests run
// from src/). Keep both paths on this function so they cannot drift apart.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv';
import type { KeywordCxt } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = (addFormatsImport as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

/** The `$id` prefix of every opsplan schema. */
export const SCHEMA_ID_BASE = 'https://opsplan.dev/schemas/';

/** Creates ajv with opsplan's options, formats and the `maxDecimals` keyword. */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictNumbers: true, allErrors: true, ownProperties: true, verbose: true, code: { source: options.standalone === true } });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'maxDecimals',
    type: 'number',
    schemaType: 'number',
    // multipleOf: 0.01 fails valid amounts like 1.13 through float division, so count the
    // digits as JavaScript prints the number (the same rule as countDecimals in model/money).
    // Written as generated code so that standalone validators need no run-time function.
    code(cxt: KeywordCxt) {
      const { data, schema } = cxt;
      cxt.fail(
        _`((v) => { if (!Number.isFinite(v)) return Infinity; if (Number.isInteger(v) && Math.abs(v) < 1e21) return 0; const s = String(Math.abs(v)); const e = s.indexOf('e-'); if (e >= 0) { const m = s.slice(0, e); const d = m.indexOf('.'); return Number(s.slice(e + 2)) + (d >= 0 ? m.length - d - 1 : 0); } if (s.includes('e')) return 0; const d = s.indexOf('.'); return d >= 0 ? s.length - d - 1 : 0; })(${data}) > ${schema}`,
      );
    },
  });
  return ajv;
}

/**
 * Prepares a kind's schema as published and compiled: top-level `x-` keys are allowed and
 * ignored (the Compose and OpenAPI convention), so anchors for shared defaults have a home.
 */
export function publishedSchema(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.type !== 'object') return schema;
  return { ...schema, patternProperties: { ...(schema.patternProperties as object | undefined), '^x-': { title: 'Extension', description: 'Keys starting with x- are ignored by opsplan: a home for YAML anchors of shared defaults.' } } };
}
