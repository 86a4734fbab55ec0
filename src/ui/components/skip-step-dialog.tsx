/** Skipping a step that has answers asks first: Tab must never throw typed work away. */
import { Box, Text } from 'ink';
import { Footer } from './footer.js';
import { useCommands } from '../use-commands.js';

/** Props of `SkipStepDialog`. */
export interface SkipStepDialogProps {
  /** The step's title, e.g. "Tags". */
  stepTitle: string;
  /** What would be cleared, in words (e.g. `name "clinic"`, `2 tags`). */
  cleared: string[];
  onSkip: () => void;
  onStay: () => void;
  isActive: boolean;
}

/** y skips and clears, n or Esc stays on the step with its answers. */
export function SkipStepDialog({ stepTitle, cleared, onSkip, onStay, isActive }: SkipStepDialogProps) {
  const commands = useCommands({ confirm: onSkip, cancel: onStay }, { isActive });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Skip {stepTitle} and clear its answers?</Text>
      <Text wrap="truncate-end">Cleared: {cleared.join(', ')}.</Text>
      <Footer commands={commands} isActive={isActive} />
    </Box>
  );
}
