/**
 * `--generate-cli-skeleton`, generated from the spec the way the AWS CLI generates it from the service model
 * (botocore's ArgumentGenerator): members in the model's order, '' for strings, true for booleans, one item per
 * list, an enum's value for enums (the AWS CLI picks one at random; we take the spec's first, so the output is
 * stable). `yaml-input` adds the AWS CLI's end-of-line comments: [REQUIRED], the member's help, and its valid values.
 */
import { MODEL_MEMBER_ORDER, RESPONSE_MEMBERS, parameterByName, type SpecNode } from '../parameter-model/index.js';

function placeholder(node: SpecNode): unknown {
  switch (node.kind) {
    case 'string':
      return '';
    case 'enum':
      return node.values[0]!.value;
    case 'boolean':
      return true;
    case 'structure':
      return Object.fromEntries(node.members.map((member) => [member.name, placeholder(member)]));
    case 'list':
      return [placeholder(node.member)];
  }
}

function topLevelInModelOrder(): SpecNode[] {
  return MODEL_MEMBER_ORDER.map((name) => parameterByName(name)!);
}

/** The sample request `--generate-cli-skeleton input` prints, as an object. */
export function inputSkeleton(): Record<string, unknown> {
  return Object.fromEntries(topLevelInModelOrder().map((node) => [node.name, placeholder(node)]));
}

/** What `--generate-cli-skeleton input` prints: the skeleton as JSON indented by 4, and a newline. */
export function renderInputSkeleton(): string {
  return `${JSON.stringify(inputSkeleton(), null, 4)}\n`;
}

function comment(node: SpecNode): string {
  const parts: string[] = [];
  if (node.required) parts.push('[REQUIRED]');
  parts.push(node.help.short);
  if (node.kind === 'enum') parts.push(`Valid values are: ${node.values.map((v) => v.value).join(', ')}.`);
  return ` # ${parts.join(' ')}`;
}

function yamlScalar(value: unknown): string {
  return value === '' ? "''" : String(value);
}

function yamlLines(node: SpecNode, indent: string, firstPrefix: string, out: string[]): void {
  const head = `${firstPrefix}${node.name}:`;
  switch (node.kind) {
    case 'structure':
      out.push(head + comment(node));
      node.members.forEach((member) => yamlLines(member, indent + '  ', indent + '  ', out));
      return;
    case 'list':
      out.push(head + comment(node));
      // A block sequence at its parent's indentation, as ruamel.yaml writes it.
      node.member.members.forEach((member, index) => yamlLines(member, indent + '  ', index === 0 ? `${indent}- ` : `${indent}  `, out));
      return;
    default:
      out.push(`${head} ${yamlScalar(placeholder(node))}${comment(node)}`);
  }
}

/** What `--generate-cli-skeleton yaml-input` prints. */
export function renderYamlInputSkeleton(): string {
  const out: string[] = [];
  for (const node of topLevelInModelOrder()) yamlLines(node, '', '', out);
  return `${out.join('\n')}\n`;
}

/** The sample CreateFHIRDatastoreResponse `--generate-cli-skeleton output` returns: each member holds its name. */
export function outputSkeleton(): Record<string, string> {
  return Object.fromEntries(RESPONSE_MEMBERS.map((name) => [name, name]));
}
