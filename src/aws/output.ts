/**
 * Prints a response as the AWS CLI does: `--query` (JMESPath) first, then `--output json|yaml|yaml-stream|text|
 * table`. Timestamps are shown as the AWS CLI v2 shows them (ISO 8601 with an offset). JMESPath and YAML are
 * imported only when `--query` or a YAML output asks for them: the default JSON output stays light.
 */
import type { OutputFormat } from '../options.js';
import { loadYaml } from '../request/load-yaml.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A Date as the AWS CLI prints it: `2024-05-01T12:00:00.123000+00:00` (no fraction when it is zero). */
export function formatTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2024-05-01T12:00:00.123Z
  const millis = date.getUTCMilliseconds();
  const base = iso.slice(0, 19);
  return millis === 0 ? `${base}+00:00` : `${base}.${String(millis).padStart(3, '0')}000+00:00`;
}

/** Plain JSON data: Dates as AWS CLI timestamps, undefined members and SDK `$metadata` dropped. */
export function toPlainData(value: unknown): Json {
  if (value instanceof Date) return formatTimestamp(value);
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || key === '$metadata') continue;
      out[key] = toPlainData(member);
    }
    return out;
  }
  return (value ?? null) as Json;
}

/** Python's str() of a scalar, as the text format shows it. */
function scalarText(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

const isContainer = (value: Json): value is Json[] | { [key: string]: Json } => typeof value === 'object' && value !== null;

function textOf(item: Json, lines: string[], identifier?: string, scalarKeys?: string[]): void {
  if (Array.isArray(item)) return textOfList(item, lines, identifier);
  if (isContainer(item)) return textOfDict(item, lines, identifier, scalarKeys);
  lines.push(scalarText(item));
}

function textOfList(items: Json[], lines: string[], identifier?: string): void {
  if (items.length === 0) return;
  if (items.some((item) => isContainer(item) && !Array.isArray(item))) {
    const keys = new Set<string>();
    for (const item of items) {
      if (isContainer(item) && !Array.isArray(item)) {
        for (const [key, value] of Object.entries(item)) if (!isContainer(value)) keys.add(key);
      }
    }
    const scalarKeys = [...keys].sort();
    for (const item of items) textOf(item, lines, identifier, scalarKeys);
    return;
  }
  const scalars = items.filter((item) => !isContainer(item));
  if (scalars.length) {
    if (identifier) for (const item of scalars) lines.push(`${identifier.toUpperCase()}\t${scalarText(item)}`);
    else lines.push(scalars.map(scalarText).join('\t'));
  }
  for (const item of items.filter(isContainer)) textOf(item, lines, identifier);
}

function textOfDict(item: { [key: string]: Json }, lines: string[], identifier?: string, scalarKeys?: string[]): void {
  const scalars: string[] = [];
  const nested: [string, Json][] = [];
  if (scalarKeys) {
    for (const key of scalarKeys) scalars.push(item[key] === undefined ? '' : scalarText(item[key]!));
    for (const key of Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort()) nested.push([key, item[key]!]);
  } else {
    for (const key of Object.keys(item).sort()) {
      const value = item[key]!;
      if (isContainer(value)) nested.push([key, value]);
      else scalars.push(scalarText(value));
    }
  }
  if (scalars.length) lines.push((identifier ? [identifier.toUpperCase(), ...scalars] : scalars).join('\t'));
  for (const [key, value] of nested) textOf(value, lines, key);
}

/** The AWS CLI's `text` output: tab-separated values, sorted keys, nested sections named in upper case. */
export function renderText(data: Json): string {
  const lines: string[] = [];
  textOf(data, lines);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const center = (text: string, width: number) => {
  const left = Math.floor((width - text.length) / 2);
  return ' '.repeat(left) + text + ' '.repeat(width - text.length - left);
};

function tableSection(title: string, data: Json, out: string[], depth: number, maxWidth: number): void {
  const indent = '  '.repeat(depth);
  if (Array.isArray(data) && data.every((row) => !isContainer(row))) {
    const rows = data.map((row) => [scalarText(row)]);
    return tableBlock(title, [], rows, out, indent);
  }
  const records = Array.isArray(data) ? data.filter((row) => isContainer(row) && !Array.isArray(row)) : [data];
  const dicts = records as { [key: string]: Json }[];
  const headers = [...new Set(dicts.flatMap((row) => Object.keys(row).filter((key) => !isContainer(row[key]!))))].sort();
  const rows = dicts.map((row) => headers.map((key) => (row[key] === undefined ? '' : scalarText(row[key]!))));
  const wide = headers.reduce((sum, key, i) => sum + Math.max(key.length, ...rows.map((row) => row[i]!.length)) + 5, 1);
  if (isContainer(data) && !Array.isArray(data) && headers.length === 0) out.push(...tableTitle(title, indent, title.length + 6));
  // One object too wide for a row of columns reads better as key/value lines.
  else if (!Array.isArray(data) && wide > maxWidth - indent.length) tableBlock(title, [], headers.map((key, i) => [key, rows[0]![i]!]), out, indent);
  else tableBlock(title, headers, rows, out, indent);
  for (const row of dicts) {
    for (const key of Object.keys(row).sort()) if (isContainer(row[key]!)) tableSection(key, row[key]!, out, depth + 1, maxWidth);
  }
}

function tableTitle(title: string, indent: string, width: number): string[] {
  return [`${indent}${'-'.repeat(width)}`, `${indent}|${center(title, width - 2)}|`];
}

function tableBlock(title: string, headers: string[], rows: string[][], out: string[], indent: string): void {
  const columns = Math.max(headers.length, rows[0]?.length ?? 1);
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max((headers[i] ?? '').length, ...rows.map((row) => (row[i] ?? '').length)) + 4,
  );
  let total = widths.reduce((sum, width) => sum + width, 0) + columns + 1;
  if (total < title.length + 4) {
    widths[widths.length - 1]! += title.length + 4 - total;
    total = title.length + 4;
  }
  const rule = `+${widths.map((width) => '-'.repeat(width)).join('+')}+`;
  out.push(...tableTitle(title, indent, total));
  out.push(indent + rule);
  if (headers.length) {
    out.push(`${indent}|${headers.map((header, i) => center(header, widths[i]!)).join('|')}|`);
    out.push(indent + rule);
  }
  for (const row of rows) out.push(`${indent}|${row.map((cell, i) => `  ${cell}`.padEnd(widths[i]!)).join('|')}|`);
  out.push(indent + rule);
}

/**
 * The AWS CLI's `table` output: a titled box per object, nested objects and lists as indented sub-tables. `width`
 * is where a row of columns stops fitting (the terminal's, else 120); a wider object is shown as key/value rows.
 */
export function renderTable(data: Json, title: string, width = process.stdout.columns || 120): string {
  if (!isContainer(data)) return `${scalarText(data)}\n`;
  const out: string[] = [];
  tableSection(title, data, out, 0, width);
  return `${out.join('\n')}\n`;
}

/** Renders a response for stdout, applying `--query` then `--output` (default json). */
export async function renderOutput(
  response: unknown,
  options: { output?: OutputFormat; query?: string; operation: string },
): Promise<string> {
  let data = toPlainData(response);
  if (options.query) {
    const { default: jmespath } = await import('jmespath');
    data = jmespath.search(data as never, options.query) as Json;
  }
  switch (options.output ?? 'json') {
    case 'json':
      return `${JSON.stringify(data, null, 4)}\n`;
    case 'yaml':
      return data === null ? 'null\n' : (await loadYaml()).stringify(data);
    case 'yaml-stream':
      return (await loadYaml()).stringify([data]);
    case 'text':
      return renderText(data);
    case 'table':
      return renderTable(data, options.operation);
  }
}

/** A problem with a `--query` expression (to report as bad input before anything is sent), or undefined. */
export async function checkQuery(query: string | undefined): Promise<string | undefined> {
  if (query === undefined) return undefined;
  const { default: jmespath } = await import('jmespath');
  try {
    // `compile` parses without evaluating; the package has it, its type definitions do not.
    (jmespath as unknown as { compile(expression: string): unknown }).compile(query);
    return undefined;
  } catch (error) {
    return `--query: not a valid JMESPath expression (${(error as Error).message}).\n  Fix: correct the expression, e.g. --query DatastoreId`;
  }
}
