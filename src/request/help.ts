/**
 * `healthlake-wizard create --help`, generated from the spec (every parameter: syntax, limits, values and an
 * example) and the option table, wrapped to a width (80 by default). Exported so a docs generator can reuse it.
 */
import { OPERATION, PARAMETERS, type SpecNode, type TopLevelParameter } from '../parameter-model/index.js';
import { OPTION_FLAGS, type OptionFlag } from './create-flags.js';
import { valueSyntax } from './global-flags.js';
import { COMMAND_LIST } from './command-list.js';
import { EXPORT_FORMATS } from './export-formats.js';

/** Marks a piece of an over-long word that continues the previous piece (joined without a space). */
const CONTINUES = '\u0000';

/** Wraps text to `width` columns with an indent; words longer than a line break after commas, then anywhere. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const room = Math.max(10, width - indent.length);
  const pieces = text.split(/\s+/).filter(Boolean).flatMap((word) => splitLongWord(word, room));
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const continues = piece.startsWith(CONTINUES);
    const word = continues ? piece.slice(1) : piece;
    const glue = line === '' || continues ? '' : ' ';
    if (line !== '' && [...line].length + glue.length + [...word].length > room) {
      lines.push(line);
      line = word;
    } else {
      line += glue + word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l);
}

/** Splits an over-long word after its last comma that fits (else at the width); later pieces are marked. */
function splitLongWord(word: string, room: number): string[] {
  if (word.length <= room) return [word];
  const parts: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const comma = rest.lastIndexOf(',', room - 1);
    const cut = comma > 0 ? comma + 1 : room;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.map((part, index) => (index === 0 ? part : CONTINUES + part));
}

/** The AWS CLI's shorthand outline of a node, e.g. `KmsEncryptionConfig={CmkType=string,KmsKeyId=string}`. */
function shorthandOutline(node: SpecNode): string {
  switch (node.kind) {
    case 'structure':
      return node.members.map((member) => `${member.name}=${member.kind === 'structure' ? `{${shorthandOutline(member)}}` : valueOutline(member)}`).join(',');
    case 'list':
      return `${shorthandOutline(node.member)} ...`;
    default:
      return valueOutline(node);
  }
}

function valueOutline(node: SpecNode): string {
  if (node.kind === 'enum') return node.values.map((v) => v.value).join('|');
  if (node.kind === 'boolean') return 'true|false';
  if (node.kind === 'list') return `[${shorthandOutline(node.member)},...]`;
  return 'string';
}

function limits(node: SpecNode): string | undefined {
  if (node.kind === 'string') {
    const parts: string[] = [];
    if (node.min !== undefined && node.max !== undefined) parts.push(`${node.min} to ${node.max} characters`);
    if (node.patternInWords) parts.push(node.patternInWords);
    if (node.holdsJson) parts.push('a JSON object given as a string (use Metadata@=file://PATH to read it from a file)');
    return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
  }
  if (node.kind === 'list') return `${node.min} to ${node.max} items.`;
  return undefined;
}

function memberLines(node: SpecNode, path: string, width: number, out: string[]): void {
  if (node.kind === 'structure') {
    for (const member of node.members) memberLines(member, path ? `${path}.${member.name}` : member.name, width, out);
    return;
  }
  if (node.kind === 'list') {
    memberLines(node.member, path, width, out);
    return;
  }
  const required = node.required ? ' (required)' : '';
  out.push(...wrapText(`${path}${required}: ${node.help.short}`, width, '        '));
  const limit = limits(node);
  if (limit) out.push(...wrapText(limit, width, '          '));
  if (node.kind === 'enum') for (const v of node.values) out.push(...wrapText(`${v.value}: ${v.meaning}`, width, '          '));
}

/** `Label: content` on one line when it fits, else the label alone and the content indented below it. */
function labelled(label: string, content: string, width: number): string[] {
  const oneLine = wrapText(`${label} ${content}`, width, '      ');
  return oneLine.length === 1 ? oneLine : ['      ' + label, ...wrapText(content, width, '        ')];
}

/** Quotes one shell argument for bash when it needs it (braces would be brace-expanded, quotes eaten, ...). */
function shellWord(arg: string): string {
  return /^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A command line laid out to `width`, breaking only between arguments with a ` \` continuation, so every
 * example can be pasted as it is. An argument longer than a line stays whole on a line of its own.
 */
export function commandLines(args: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent + (args[0] ?? '');
  for (const arg of args.slice(1)) {
    if ([...line].length + 1 + [...arg].length + 2 > width) {
      lines.push(`${line} \\`);
      line = `${indent}  ${arg}`;
    } else {
      line += ` ${arg}`;
    }
  }
  return [...lines, line];
}

function parameterSection(parameter: TopLevelParameter, width: number): string[] {
  const out: string[] = [];
  const syntax = parameter.kind === 'structure' || parameter.kind === 'list' ? '<shorthand|json|file://path>' : `<${valueOutline(parameter)}>`;
  out.push(...wrapText(`${parameter.flag} ${syntax}${parameter.required ? '  (required)' : ''}`, width, '  '));
  out.push(...wrapText(parameter.help.short, width, '      '));
  const limit = limits(parameter);
  if (limit) out.push(...wrapText(limit, width, '      '));
  if (parameter.kind === 'enum') for (const v of parameter.values) out.push(...wrapText(`${v.value}: ${v.meaning}`, width, '      '));
  if (parameter.kind === 'structure' || parameter.kind === 'list') {
    out.push(...labelled('Shorthand:', shorthandOutline(parameter), width));
    out.push('      Members:');
    memberLines(parameter.kind === 'list' ? parameter.member : parameter, '', width, out);
  }
  for (const example of parameter.examples.slice(0, 2)) {
    // A list example holds several arguments (`Key=a,Value=b Key=c,Value=d`); any other is one argument.
    const values = parameter.kind === 'list' ? example.split(' ') : [example];
    const args = [parameter.flag, ...values.map(shellWord)];
    const oneLine = `      Example: ${args.join(' ')}`;
    out.push(...([...oneLine].length <= width ? [oneLine] : ['      Example:', ...commandLines(args, width, '        ')]));
  }
  return out;
}

function optionLine(option: OptionFlag, width: number): string[] {
  // A choice with a value name (--export <format>) has its values listed in a table of their own.
  const value = option.kind === 'choice' && option.valueName ? ` ${option.valueName}` : valueSyntax(option);
  return [...wrapText(`${option.flag}${value}`, width, '  '), ...wrapText(option.help, width, '      ')];
}

/**
 * Lays out a help text to fit `width` columns: a line too long is wrapped with a hanging indent — under the
 * description column for a table row (`  --flag VALUE   what it does`), a usage line under its arguments, else
 * under the line's own indent.
 */
export function fitHelp(text: string, width = 80): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if ([...line].length <= width) return [line];
      const column = /^(\s*\S.*?\s{2,})\S/.exec(line)?.[1]?.length;
      const indent = line.length - line.trimStart().length;
      const head = column !== undefined && column <= width * 0.6 ? line.slice(0, column) : line.slice(0, indent);
      // A usage line continues under its first argument; anything else under its own indent or column.
      const hanging = ' '.repeat(line.startsWith('Usage: ') ? 9 : head.length);
      const [first, ...rest] = wrapText(line.slice(head.length), width, hanging);
      return [head + (first ?? '').slice(hanging.length), ...rest];
    })
    .join('\n');
}

/** The whole help text of `create`, every line at most `width` columns. */
export function renderCreateHelp(width = 80): string {
  const out: string[] = [];
  const para = (text: string) => out.push(...wrapText(text, width, ''), '');
  para(`healthlake-wizard create: create an Amazon HealthLake FHIR data store (${OPERATION.name}).`);
  para('Usage: healthlake-wizard [create] [parameters] [options]');
  out.push('Commands:', '');
  out.push(fitHelp(COMMAND_LIST.map(({ name, args, summary }) => `  ${`${name} ${args}`.trimEnd().padEnd(22)}  ${summary}`).join('\n'), width));
  out.push('', ...wrapText('healthlake-wizard <command> --help for more about each.', width, ''), '');
  para(
    'On a terminal a wizard asks for what the flags leave out and shows the request before sending it; with ' +
      '--plain (the default when TERM=dumb) it asks line by line, for screen readers and editors\' shells. With ' +
      '--no-interactive, or without a terminal, nothing is asked: the flags are validated, then sent, or printed ' +
      'with --dry-run. Flags and values are those of aws healthlake create-fhir-datastore: shorthand ' +
      '(Key=Value,Key2=Value2), JSON, or file://PATH for any value.',
  );
  out.push('Parameters:', '');
  for (const parameter of PARAMETERS) out.push(...parameterSection(parameter, width), '');
  out.push('Options:', '');
  for (const option of OPTION_FLAGS.filter((o) => o.group === 'command')) out.push(...optionLine(option, width));
  out.push('', 'Export formats (--export):', '');
  out.push(fitHelp(EXPORT_FORMATS.map((format) => `  ${format.name.padEnd(14)}  ${format.help}`).join('\n'), width));
  out.push('', 'AWS CLI global options:', '');
  for (const option of OPTION_FLAGS.filter((o) => o.group === 'global')) out.push(...optionLine(option, width));
  out.push('', 'Examples:', '');
  out.push(...commandLines(['healthlake-wizard', 'create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', shellWord('Pacientes 1'), '--tags', 'Key=team,Value=data', 'Key=env,Value=prod'], width, '  '));
  out.push(...commandLines(['healthlake-wizard', 'create', '--cli-input-yaml', 'file://datastore.yaml', '--no-interactive', '--sandbox'], width, '  '));
  out.push(...commandLines(['healthlake-wizard', 'create', '--preset', 'test', '--expires-in', '4h', '--export', 'terraform', '--export-file', 'datastore.tf'], width, '  '));
  out.push('');
  para('Exit codes: 0 success, 252 invalid command line or value, 253 configuration (credentials, Region), 254 the service refused or the data store failed, 255 other errors, 130 interrupted.');
  return `${out.join('\n').trimEnd()}\n`;
}
