/** The live validation result: character count against the limit, and the first problem with its fix. */
import { Box, Text } from 'ink';
import type { FieldIssue } from '../../request/issues.js';
import { inWizardWords } from '../flow/issues.js';
import type { Prompt } from '../flow/prompts.js';
import { MARK } from '../theme.js';

/** Props of `ValidationLine`. */
export interface ValidationLineProps {
  prompt: Prompt;
  value: unknown;
  issues: FieldIssue[];
  /** The field was not edited or left yet: its errors wait (the count still shows). */
  untouched?: boolean;
}

/** What a string leaf allows, in words: length limits, characters, optional or not. */
export function constraintsOf(prompt: Prompt, issues: readonly FieldIssue[] = []): string {
  const node = prompt.leaf?.node;
  const parts: string[] = [];
  if (node?.kind === 'string') {
    if (node.min !== undefined && node.max !== undefined) parts.push(`${node.min}–${node.max} characters`);
    else if (node.holdsJson) parts.push('a JSON object');
    if (node.patternInWords) parts.push(node.patternInWords);
  } else if (node?.kind === 'enum') {
    parts.push(`one of ${node.values.map((value) => value.value).join(', ')}`);
  } else if (prompt.kind === 'tags' && prompt.parameter.kind === 'list') {
    parts.push(`up to ${prompt.parameter.max} tags with unique keys`);
  }
  // Some members are needed only because of another answer (a key id for a customer managed key).
  const neededByOthers = issues.some((issue) => issue.field === prompt.path && (issue.rule === 'depends-on' || issue.rule === 'required'));
  parts.push(prompt.omittable && !neededByOthers ? 'optional' : 'required');
  return parts.join(' · ');
}

/** One or two lines: `12/256 ✓` or `✗ message  Fix: ...`. */
export function ValidationLine({ prompt, value, issues, untouched = false }: ValidationLineProps) {
  const node = prompt.leaf?.node;
  const count = node?.kind === 'string' && node.max !== undefined ? `${typeof value === 'string' ? [...value].length : 0}/${node.max} ` : '';
  const error = issues.find((issue) => issue.severity === 'error');
  const warning = issues.find((issue) => issue.severity === 'warning');
  if (error && untouched) return <Text dimColor>{count.trimEnd() || ' '}</Text>;
  if (error) {
    const { message, fix } = inWizardWords(error);
    return (
      <Box flexDirection="column">
        <Text color="red">
          {count}{MARK.error} {message}
        </Text>
        <Text dimColor>  Fix: {fix}</Text>
      </Box>
    );
  }
  return (
    <Text color={warning ? 'yellow' : 'green'}>
      {count}
      {warning ? `${MARK.warning} ${inWizardWords(warning).message}` : `${MARK.ok} valid`}
    </Text>
  );
}
