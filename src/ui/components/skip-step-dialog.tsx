/** Skipping a step that has answers asks first: Tab must never throw typed work away. */
import { Box, Text } from 'ink';
import { matches } from '../keys.js';
import { Footer } from './footer.js';
import { useKeys } from '../use-keys.js';

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
  useKeys(
    (input, key) => {
      if (matches('confirm', input, key)) onSkip();
      else if (matches('cancel', input, key)) onStay();
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Skip {stepTitle} and clear its answers?</Text>
      <Text wrap="truncate-end">Cleared: {cleared.join(', ')}.</Text>
      <Footer commands={['confirm', 'cancel']} />
    </Box>
  );
}
