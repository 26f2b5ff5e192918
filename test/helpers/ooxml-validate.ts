// Validates a written workbook against the standard, not against our own idea of it: every
// XML part against the ECMA-376 transitional schemas (vendored in test/fixtures/ooxml-xsd,
// see its README for where they come from and their licences), and the package against the
// Open Packaging Conventions rules a reader relies on (every part has a content type, every
// relationship points at a part that exists, relationship ids are unique, no part is orphaned).
// xmllint-wasm is libxml2 compiled to WebAssembly: the same validator as `xmllint --schema`,
// installed by npm, no native build.
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import type { XMLFileInfo } from 'xmllint-wasm';

const XSD_DIR = fileURLToPath(new URL('../fixtures/ooxml-xsd/', import.meta.url));

let preload: XMLFileInfo[] | null = null;
function schemaFiles(): XMLFileInfo[] {
  preload ??= readdirSync(XSD_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: readFileSync(XSD_DIR + f, 'utf8') }));
  return preload;
}

/** The schema that governs a part, by its content type. */
const SCHEMA_BY_CONTENT_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-package.relationships+xml': 'opc-relationships.xsd',
  'application/vnd.openxmlformats-package.core-properties+xml': 'opc-coreProperties.xsd',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': 'shared-documentPropertiesExtended.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.drawing+xml': 'dml-spreadsheetDrawing.xsd',
  'application/vnd.openxmlformats-officedocument.drawingml.chart+xml': 'dml-chart.xsd',
};

/** One problem found in a workbook: the part and what is wrong. */
export interface OoxmlProblem {
  part: string;
  message: string;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/** The OPC rules (ECMA-376 part 2) that do not fit in a schema. */
function packageProblems(parts: Map<string, string | null>, types: string): { problems: OoxmlProblem[]; contentType: Map<string, string> } {
  const problems: OoxmlProblem[] = [];
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of types.matchAll(/<Default [^>]*\/>/g)) {
    const a = attrs(m[0]);
    defaults.set(a.Extension!.toLowerCase(), a.ContentType!);
  }
  for (const m of types.matchAll(/<Override [^>]*\/>/g)) {
    const a = attrs(m[0]);
    const name = a.PartName!.replace(/^\//, '');
    if (!parts.has(name)) problems.push({ part: '[Content_Types].xml', message: `Override for a part that does not exist: /${name}` });
    overrides.set(name, a.ContentType!);
  }
  const contentType = new Map<string, string>();
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    const ct = overrides.get(name) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    if (!ct) problems.push({ part: name, message: 'no content type (neither a Default for its extension nor an Override)' });
    else contentType.set(name, ct);
  }
  const reached = new Set<string>();
  for (const [name, xml] of parts) {
    if (!name.endsWith('.rels') || xml === null) continue;
    // _rels/.rels belongs to the package; a/b/_rels/c.xml.rels to the part a/b/c.xml.
    const source = name === '_rels/.rels' ? '' : posix.join(posix.dirname(posix.dirname(name)), posix.basename(name, '.rels'));
    if (source && !parts.has(source)) problems.push({ part: name, message: `relationships of a part that does not exist: ${source}` });
    const ids = new Set<string>();
    for (const m of xml.matchAll(/<Relationship [^>]*\/>/g)) {
      const a = attrs(m[0]);
      if (ids.has(a.Id!)) problems.push({ part: name, message: `duplicate relationship id ${a.Id}` });
      ids.add(a.Id!);
      if (a.TargetMode === 'External') continue;
      const target = a.Target!.startsWith('/') ? a.Target!.slice(1) : posix.normalize(posix.join(posix.dirname(source), a.Target!));
      if (!parts.has(target)) problems.push({ part: name, message: `relationship ${a.Id} points at a missing part: ${target}` });
      reached.add(target);
    }
  }
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('.rels')) continue;
    if (!reached.has(name)) problems.push({ part: name, message: 'no relationship reaches this part' });
  }
  return { problems, contentType };
}

/**
 * Every problem of a workbook: OPC package rules plus schema validation of every XML part.
 * An empty list means the file is valid SpreadsheetML (transitional).
 */
export async function ooxmlProblems(bytes: Uint8Array): Promise<OoxmlProblem[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string | null>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    parts.set(name, /\.(xml|rels)$/.test(name) ? await entry.async('string') : null);
  }
  const types = parts.get('[Content_Types].xml');
  if (!types) return [{ part: '[Content_Types].xml', message: 'missing' }];
  const { problems, contentType } = packageProblems(parts, types);
  const bySchema = new Map<string, XMLFileInfo[]>([['opc-contentTypes.xsd', [{ fileName: 'Content_Types.xml', contents: types }]]]);
  for (const [name, xml] of parts) {
    if (xml === null || name === '[Content_Types].xml') continue;
    const ct = contentType.get(name);
    const schema = ct ? SCHEMA_BY_CONTENT_TYPE[ct] : undefined;
    if (!schema) {
      problems.push({ part: name, message: `no schema known for content type ${ct ?? '(none)'}` });
      continue;
    }
    const list = bySchema.get(schema) ?? [];
    // xmllint takes file names as arguments: keep them plain and unique.
    list.push({ fileName: name.replace(/[^\w.]/g, '_'), contents: xml });
    bySchema.set(schema, list);
  }
  for (const [schema, xml] of bySchema) {
    const result = await validateXML({ xml, schema: schemaFiles().find((f) => f.fileName === schema)!, preload: schemaFiles(), initialMemoryPages: 4096, maxMemoryPages: 32768 });
    for (const e of result.errors) problems.push({ part: e.loc?.fileName ?? schema, message: `${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message}` });
    if (!result.valid && result.errors.length === 0) problems.push({ part: schema, message: result.rawOutput.slice(0, 500) });
  }
  return problems;
}
