/**
 * The request as Terraform (HCL) with the awscc provider's `awscc_healthlake_fhir_datastore` resource. The awscc
 * provider is generated from the CloudFormation resource schema, so its attributes are the API's member names in
 * snake_case (DatastoreTypeVersion -> datastore_type_version, KmsEncryptionConfig -> kms_encryption_config), its
 * nested structures are object attributes (`name = { ... }`) and Tags a list of `{ key, value }` objects. It has
 * no ClientToken: Terraform keeps its own state.
 */
import type { AwsCommandOptions } from './render-aws-command.js';
import { orderRequest } from './request-order.js';
import type { CreateRequest } from './types.js';

/** The Terraform resource type of a FHIR data store in the awscc provider. */
export const TERRAFORM_TYPE = 'awscc_healthlake_fhir_datastore';
/** The resource's name in the generated configuration. */
export const TERRAFORM_NAME = 'this';

/** `KmsEncryptionConfig` -> `kms_encryption_config`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/**
 * A quoted HCL string: the JSON-like escapes, `\uNNNN` for other control characters, and the template
 * sequences `${` and `%{` doubled so that they stay literal text (HCL strings are templates).
 */
export function hclString(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `"${out.replace(/([$%])\{/g, '$1$1{')}"`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an HCL expression, nested blocks indented from `indent`. */
function hclValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${hclValue(item, inner)},\n`).join('')}${indent}]`;
  }
  if (isRecord(value)) return `{\n${hclAttributes(value, `${indent}  `)}${indent}}`;
  throw new Error(`A value of type ${typeof value} has no HCL form.`);
}

/** `name = value` lines, the `=` of consecutive one-line attributes aligned as `terraform fmt` aligns them. */
function hclAttributes(record: Record<string, unknown>, indent: string): string {
  const lines = Object.entries(record).map(([key, value]) => ({ name: snakeCase(key), value: hclValue(value, indent) }));
  let out = '';
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && !lines[end]!.value.includes('\n')) end++;
    // A run of one-line attributes, or one multi-line attribute on its own.
    const run = lines.slice(start, Math.max(end, start + 1));
    const width = Math.max(...run.map((line) => line.name.length));
    for (const line of run) out += `${indent}${line.name.padEnd(line.value.includes('\n') ? 0 : width)} = ${line.value}\n`;
    start += run.length;
  }
  return out;
}

/** The resource's attributes: the request in the model's order, without ClientToken. */
export function terraformAttributes(request: CreateRequest | Record<string, unknown>): Record<string, unknown> {
  const attributes = orderRequest(request);
  delete attributes.ClientToken;
  return attributes;
}

/** The paths of the text values that Terraform would change: HCL normalises every string to Unicode NFC. */
export function textChangedByNfc(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.normalize('NFC') === value ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => textChangedByNfc(item, `${path}[${index}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => textChangedByNfc(item, path ? `${path}.${key}` : key));
  return [];
}

/** A comment as `#` lines of at most 78 columns, broken between words (whole in an 80-column preview). */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line !== '#' && line.length + 1 + word.length > 78) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** A Terraform configuration: the awscc provider (in the Region, when given) and the one resource, with outputs. */
export function renderTerraform(request: CreateRequest | Record<string, unknown>, options: AwsCommandOptions = {}): string {
  const address = `${TERRAFORM_TYPE}.${TERRAFORM_NAME}`;
  const attributes = terraformAttributes(request);
  const changed = textChangedByNfc(attributes);
  return [
    '# A HealthLake FHIR data store (generated by healthlake-wizard).',
    ...(changed.length > 0 ? commentLines(`Note: Terraform normalises text to Unicode NFC, so it sends ${changed.join(', ')} with some characters replaced by their canonical equivalents.`) : []),
    'terraform {',
    '  required_providers {',
    '    awscc = {',
    '      source = "hashicorp/awscc"',
    '    }',
    '  }',
    '}',
    '',
    ...(options.region ? ['provider "awscc" {', `  region = ${hclString(options.region)}`, '}', ''] : []),
    `resource "${TERRAFORM_TYPE}" "${TERRAFORM_NAME}" {`,
    `${hclAttributes(attributes, '  ')}}`,
    '',
    'output "datastore_id" {',
    `  value = ${address}.datastore_id`,
    '}',
    '',
    'output "datastore_endpoint" {',
    `  value = ${address}.datastore_endpoint`,
    '}',
    '',
  ].join('\n');
}
