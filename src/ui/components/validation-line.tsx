/** The live validation result: character count against the limit, and the first problem with its fix. */
import { Box, Text } from 'ink';
import type { FieldIssue } from '../../request/issues.js';
import { keyName } from '../keys.js';
import { inWizardWords } from '../../wizard-flow/issues.js';
import type { Prompt } from '../../wizard-flow/prompts.js';
import { MARK } from '../../wizard-flow/marks.js';

// Shared with the plain mode, which must not load Ink: the words live beside the flow.
export { constraintsOf } from '../../wizard-flow/constraints.js';

/** Props of `ValidationLine`. */
export interface ValidationLineProps {
  prompt: Prompt;
  value: unknown;
  issues: FieldIssue[];
  /** The field was not edited or left yet: its errors wait (the count still shows). */
  untouched?: boolean;
}

/** One or two lines: `12/256 ✓` or `✗ message  Fix: ...`. */
export function ValidationLine({ prompt, value, issues, untouched = false }: ValidationLineProps) {
  const node = prompt.leaf?.node;
  const count = node?.kind === 'string' && node.max !== undefined ? `${typeof value === 'string' ? [...value].length : 0}/${node.max} ` : '';
  const error = issues.find((issue) => issue.severity === 'error');
  const warning = issues.find((issue) => issue.severity === 'warning');
  if (error && untouched) return <Text dimColor>{count.trimEnd() || ' '}</Text>;
  if (error) {
    const { message, fix } = inWizardWords(error, keyName);
    return (
      <Box flexDirection="column">
        <Text color="red">
          {count}{MARK.error} {message}
        </Text>
        {/* Indented as a block, so that a fix longer than a line goes on under its own start. */}
        <Box marginLeft={2}>
          <Text dimColor>Fix: {fix}</Text>
        </Box>
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
