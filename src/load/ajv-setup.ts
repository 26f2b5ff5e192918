// The one ajv configuration, shared by the build (which writes standalone validators, see
// scripts/build-schemas.mjs) and the run-time fallback used when no build exists (tests run
// from src/). Keep both paths on this function so they cannot drift apart.
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { KeywordCxt } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';

// ajv is loaded only when a schema is compiled: at build time, or at run time without a
// build or for a currency with other minor digits. Importing it costs about 100 ms of start-up
// that a run on the precompiled validators does not need. Both packages are CommonJS.
const require = createRequire(import.meta.url);

/** The `$id` prefix of every opsplan schema. */
export const SCHEMA_ID_BASE = 'https://opsplan.dev/schemas/';

/** Creates ajv with opsplan's options, formats and the `maxDecimals` keyword. */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof Ajv2020Module;
  const { _ } = require('ajv') as typeof AjvModule;
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ strict: true, strictNumbers: true, allErrors: true, ownProperties: true, verbose: true, code: { source: options.standalone === true } });
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
