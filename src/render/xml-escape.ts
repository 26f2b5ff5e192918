// XML text of the workbook's parts (sheets, shared strings, drawings, charts): one escaping rule.

/** Characters that need more than a copy: markup, XML-illegal code points, lone surrogates, `_xHHHH_`. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f_\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPE = /[&<>"]|[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Escapes text for element content and attribute values. Code points XML 1.0 forbids (control
 * characters from a YAML "\x01" escape, lone surrogates) are written as Excel's `_xHHHH_`
 * escapes, which Excel decodes back; a literal `_x0041_` in the text is protected the same
 * way (`_x005F_x0041_`), so what the user wrote is what Excel shows.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPE, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '_':
        return '_x005F_';
      default:
        // A valid surrogate pair is kept; anything else is escaped by code unit.
        return c.length === 2 ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}
