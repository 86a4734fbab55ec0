/** The live validation result: character count against the limit, and the first problem with its fix. */
import { Box, Text } from 'ink';
import type { FieldIssue } from '../../request/issues.js';
import type { Prompt } from '../flow/prompts.js';
import { MARK } from '../theme.js';

// Shared with the plain mode, which must not load Ink: the words live beside the flow.
export { constraintsOf } from '../flow/constraints.js';

/** Props of `ValidationLine`. */
export interface ValidationLineProps {
  prompt: Prompt;
  value: unknown;
  issues: FieldIssue[];
}

/** One or two lines: `12/256 ✓` or `✗ message  Fix: ...`. */
export function ValidationLine({ prompt, value, issues }: ValidationLineProps) {
  const node = prompt.leaf?.node;
  const count = node?.kind === 'string' && node.max !== undefined ? `${typeof value === 'string' ? [...value].length : 0}/${node.max} ` : '';
  const error = issues.find((issue) => issue.severity === 'error');
  const warning = issues.find((issue) => issue.severity === 'warning');
  if (error) {
    return (
      <Box flexDirection="column">
        <Text color="red">
          {count}{MARK.error} {error.message}
        </Text>
        <Text dimColor>  Fix: {error.fix}</Text>
      </Box>
    );
  }
  return (
    <Text color={warning ? 'yellow' : 'green'}>
      {count}
      {warning ? `${MARK.warning} ${warning.message}` : `${MARK.ok} valid`}
    </Text>
  );
}
