// Checks the CI formats against their published schemas (vendored in test/fixtures/ci-schemas,
// see its README for sources and licences): JUnit XML against Jenkins' junit-10.xsd with
// xmllint-wasm (libxml2), SARIF against the OASIS SARIF 2.1.0 JSON Schema with Ajv's draft-04
// class, which is the draft that schema is written in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import addFormatsImport from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const DIR = fileURLToPath(new URL('../fixtures/ci-schemas/', import.meta.url));
// Both are CommonJS modules whose class or function is their `default` export.
type AjvClass = typeof ajvDraft04.default;
type AjvInstance = InstanceType<AjvClass>;
const ajvModule = ajvDraft04 as unknown as AjvClass & { default?: AjvClass };
const AjvDraft04 = ajvModule.default ?? ajvModule;
const addFormats = (addFormatsImport as unknown as { default: (ajv: AjvInstance) => AjvInstance }).default;

/** Problems of a JUnit XML report against junit-10.xsd; empty when valid. */
export async function junitProblems(xml: string): Promise<string[]> {
  const schema = { fileName: 'junit-10.xsd', contents: readFileSync(DIR + 'junit-10.xsd', 'utf8') };
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema });
  if (result.valid) return [];
  const problems = result.errors.map((e) => `${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message}`);
  return problems.length > 0 ? problems : [result.rawOutput.slice(0, 500)];
}

let sarifValidator: ValidateFunction | null = null;

/** Problems of a SARIF log against the SARIF 2.1.0 schema; empty when valid. */
export function sarifProblems(log: unknown): string[] {
  if (!sarifValidator) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(JSON.parse(readFileSync(DIR + 'sarif-schema-2.1.0.json', 'utf8')));
  }
  const validate = sarifValidator;
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
