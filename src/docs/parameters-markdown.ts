/** Renders `docs/parameters.md` from the parameter spec, so the reference can never drift from the code. */
import { LEAVES, OPERATION, PARAMETERS, type ScalarNode, type SpecLeaf } from '../spec/index.js';

function constraints(node: ScalarNode): string {
  switch (node.kind) {
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return node.values.map((v) => `\`${v.value}\``).join(', ');
    case 'string': {
      const parts: string[] = [];
      if (node.min !== undefined || node.max !== undefined) parts.push(`${node.min ?? 0}–${node.max ?? '∞'} characters`);
      if (node.patternInWords) parts.push(node.patternInWords);
      if (node.holdsJson) parts.push('a JSON object, as a string');
      return parts.join('; ');
    }
  }
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function leafRow(leaf: SpecLeaf): string {
  const required = leaf.parameter.required || (leaf.path !== leaf.parameter.name && leaf.node.required) ? 'yes' : 'no';
  const requiredNote = leaf.path === leaf.parameter.name ? required : `${required} (within ${leaf.parameter.name})`;
  return `| \`${leaf.parameter.flag}\` | \`${leaf.path}\` | ${leaf.node.kind} | ${requiredNote} | ${escapeCell(constraints(leaf.node))} | ${escapeCell(leaf.node.help.short)} |`;
}

/** The whole markdown document. */
export function renderParametersMarkdown(): string {
  const out: string[] = [
    '# Parameters of CreateFHIRDatastore',
    '',
    `<!-- Generated from src/spec by \`npm run docs\`; a test fails when this file is stale. Do not edit by hand. -->`,
    '',
    `Every parameter of \`aws ${OPERATION.service} ${OPERATION.command}\`, as \`healthlake-wizard create\` accepts it ` +
      '(same flags, same shorthand, JSON and `file://` syntax). Constraints are the service model\'s.',
    '',
    '| Flag | JSON path | Type | Required | Constraints | What it is |',
    '| --- | --- | --- | --- | --- | --- |',
    ...LEAVES.map(leafRow),
    '',
  ];
  for (const parameter of PARAMETERS) {
    out.push(`## \`${parameter.flag}\` — ${parameter.help.label}`, '');
    out.push(...parameter.help.long.split('\n').map((line) => line.trim()), '');
    if (parameter.kind === 'list') out.push(`A list of ${parameter.min} to ${parameter.max} items.`, '');
    const leaves = LEAVES.filter((leaf) => leaf.parameter === parameter);
    for (const leaf of leaves) {
      if (leaf.node.kind !== 'enum') continue;
      out.push(`Values of \`${leaf.path}\`:`, '');
      for (const value of leaf.node.values) out.push(`- \`${value.value}\`: ${value.meaning}`);
      out.push('');
    }
    out.push('Examples:', '', '```sh');
    for (const example of parameter.examples) {
      const quoted = /[\s"'{}[\]$`\\|&;<>()*?!]/.test(example) ? `'${example.replace(/'/g, `'\\''`)}'` : example;
      out.push(`healthlake-wizard create --datastore-type-version R4 ${parameter.flag === '--datastore-type-version' ? '' : `${parameter.flag} ${quoted}`}`.trimEnd());
    }
    out.push('```', '');
  }
  return out.join('\n');
}
