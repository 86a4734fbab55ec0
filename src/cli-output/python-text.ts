/** Python's str() and repr() of JSON data: how the AWS CLI (a Python program) shows values in text and tables. */

/** JSON data as the output formats see it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Python's str() of a value, as the AWS CLI prints it: a list or object in a cell shows as Python's repr. */
export function pythonText(value: Json): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function pythonRepr(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    // eslint-disable-next-line no-control-regex -- control characters are what Python escapes as \xNN
    const escaped = value.replace(/[\\\n\r\t]|[\x00-\x1f\x7f]/g, (char) =>
      ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([key, member]) => `${pythonRepr(key)}: ${pythonRepr(member)}`).join(', ')}}`;
}
