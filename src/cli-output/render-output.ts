/**
 * Prints a response as the AWS CLI does: `--query` (JMESPath) first, then `--output json|yaml|yaml-stream|text|
 * table`. Timestamps are shown as the AWS CLI v2 shows them (ISO 8601 with an offset). JMESPath and YAML are
 * imported only when `--query` or a YAML output asks for them: the default JSON output stays light.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EXIT, type GlobalOptions, type OutputFormat } from '../options.js';
import { OUTPUT_FORMATS } from '../request/create-flags.js';
import { readIni } from '../ini-file.js';
import { loadYaml } from '../request/load-yaml.js';
import { pythonText, type Json } from './python-text.js';
import { inShapeOrder, type ResponseShapeName } from '../parameter-model/response-shapes.js';
import { orderRequest } from '../request/request-order.js';
import { OPERATION } from '../parameter-model/create-fhir-datastore.js';

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

const isContainer = (value: Json): value is Json[] | { [key: string]: Json } => typeof value === 'object' && value !== null;

function textOf(item: Json, lines: string[], identifier?: string, scalarKeys?: string[]): void {
  if (Array.isArray(item)) return textOfList(item, lines, identifier);
  if (isContainer(item)) return textOfDict(item, lines, identifier, scalarKeys);
  lines.push(pythonText(item));
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
    if (identifier) for (const item of scalars) lines.push(`${identifier.toUpperCase()}\t${pythonText(item)}`);
    else lines.push(scalars.map(pythonText).join('\t'));
  }
  for (const item of items.filter(isContainer)) textOf(item, lines, identifier);
}

function textOfDict(item: { [key: string]: Json }, lines: string[], identifier?: string, scalarKeys?: string[]): void {
  const scalars: string[] = [];
  const nested: [string, Json][] = [];
  if (scalarKeys) {
    for (const key of scalarKeys) scalars.push(item[key] === undefined ? '' : pythonText(item[key]));
    for (const key of Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort()) nested.push([key, item[key]!]);
  } else {
    for (const key of Object.keys(item).sort()) {
      const value = item[key]!;
      if (isContainer(value)) nested.push([key, value]);
      else scalars.push(pythonText(value));
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

/** The width the AWS CLI lays a table out for: the terminal's, or 80 when the output is not a terminal. */
function terminalWidth(): number {
  return process.stdout.isTTY ? process.stdout.columns || 80 : 80;
}

/**
 * The AWS CLI's `table` output of `data`, titled (see table-output.ts, loaded only for tables); coloured as the
 * AWS CLI's when asked.
 */
export async function renderTable(data: Json, title: string, width = terminalWidth(), colored = false, fit = false): Promise<string> {
  const { COLORED, renderAwsTable } = await import('./table-output.js');
  return renderAwsTable(data, title, width, colored ? COLORED : undefined, fit);
}

/** `--color on`, or `auto` (the default) on a terminal without NO_COLOR: the AWS CLI colours its tables then. */
function tableColored(color: GlobalOptions['color']): boolean {
  return color === 'on' || (color !== 'off' && process.stdout.isTTY === true && !process.env.NO_COLOR);
}

/**
 * YAML as the AWS CLI writes it: keys sorted, lists not indented under their key, single quotes, and strings
 * that a YAML reader would take for a date quoted too.
 */
const AWS_CLI_YAML = { sortMapEntries: true, indentSeq: false, singleQuote: true, customTags: ['timestamp' as const] };

/**
 * Renders data for stdout, applying `--query` then `--output` (default json). With `shape`, the data is a
 * service response and is printed as the AWS CLI prints it: members in the model's order, YAML in its style.
 */
export async function renderOutput(
  response: unknown,
  options: {
    output?: OutputFormat;
    query?: string;
    operation: string;
    shape?: ResponseShapeName;
    color?: GlobalOptions['color'];
    /** A table of our own (not a service response): fit it to the terminal, wrapping long values. */
    fit?: boolean;
  },
): Promise<string> {
  let data = toPlainData(options.shape ? inShapeOrder(response, options.shape) : response);
  if (options.query) {
    const { default: jmespath } = await import('jmespath');
    data = jmespath.search(data, options.query) as Json;
  }
  switch (options.output ?? 'json') {
    case 'json':
      return `${JSON.stringify(data, null, 4)}\n`;
    case 'yaml':
      // A lone scalar (a --query result) is printed as JSON, as the AWS CLI does: "ACTIVE", null.
      return isContainer(data) ? (await loadYaml()).stringify(data, options.shape ? AWS_CLI_YAML : {}) : `${JSON.stringify(data)}\n`;
    case 'yaml-stream':
      return (await loadYaml()).stringify([data], options.shape ? AWS_CLI_YAML : {});
    case 'text':
      return renderText(data);
    case 'table':
      return renderTable(data, options.operation, terminalWidth(), tableColored(options.color), options.fit === true);
  }
}

/**
 * The output format: `--output`, else `AWS_DEFAULT_OUTPUT`, else the chosen profile's `output` in the config file.
 * Read with the small INI reader the start screen uses, so a dry run loads no SDK code. Rejects (253, naming the
 * setting) on a value that is no format.
 */
export async function outputFormatFor(options: Pick<GlobalOptions, 'output' | 'profile'>, env: NodeJS.ProcessEnv = process.env): Promise<OutputFormat | undefined> {
  if (options.output) return options.output;
  const profile = options.profile || env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  let text = env.AWS_DEFAULT_OUTPUT;
  let source = 'AWS_DEFAULT_OUTPUT';
  if (text === undefined) {
    const config = readIni(env.AWS_CONFIG_FILE || join(env.HOME || homedir(), '.aws', 'config'));
    text = (config.get(profile === 'default' ? 'default' : `profile ${profile}`) ?? config.get(profile))?.get('output');
    source = `output of profile "${profile}"`;
  }
  if (text === undefined || text === '') return undefined;
  if ((OUTPUT_FORMATS as readonly string[]).includes(text)) return text as OutputFormat;
  // A FriendlyError carried on an Error, as FriendlyFailure does, without loading the error classifier here.
  throw Object.assign(new Error(`${source} must be one of ${OUTPUT_FORMATS.join(', ')}; got ${JSON.stringify(text)}.`), {
    friendly: {
      code: 'InvalidOutput',
      message: `${source} must be one of ${OUTPUT_FORMATS.join(', ')}; got ${JSON.stringify(text)}.`,
      fix: 'Set it to json (the default), or pass --output.',
      exitCode: EXIT.config,
      transient: false,
    },
  });
}

/**
 * What `--dry-run` prints: the request in the service model's member order, through `--output` and `--query`.
 * The non-interactive dry run and the wizard's "Print request" both print this.
 */
export async function renderDryRun(request: Record<string, unknown>, options: Pick<GlobalOptions, 'output' | 'profile' | 'query'>): Promise<string> {
  return renderOutput(orderRequest(request), { output: await outputFormatFor(options), query: options.query, operation: OPERATION.name });
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
