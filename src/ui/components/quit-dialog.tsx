/** Before anything is sent, Ctrl+C asks before discarding the answers (or, with --save-preset on review, saving them). */
import { Box, Text} from 'ink';
import { matches } from '../keys.js';
import { Footer } from './footer.js';
import { useKeys } from '../use-keys.js';

/** Props of `QuitDialog`. */
export interface QuitDialogProps {
  /** `--save-preset NAME` on a valid review: quitting saves the answers as this preset. */
  savesPreset?: string;
  onQuit: () => void;
  onStay: () => void;
  isActive: boolean;
}

/** y (or Ctrl+C again) quits, n or Esc stays. */
export function QuitDialog({ savesPreset, onQuit, onStay, isActive }: QuitDialogProps) {
  useKeys(
    (input, key) => {
      if (matches('confirm', input, key) || matches('quit', input, key)) onQuit();
      else if (matches('cancel', input, key)) onStay();
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>{savesPreset === undefined ? 'Quit and discard your answers?' : `Quit and save the answers as preset "${savesPreset}"?`}</Text>
      <Text>Nothing has been sent; no data store was created.{savesPreset === undefined ? '' : ' (--save-preset)'}</Text>
      <Footer commands={['confirm', 'cancel']} />
    </Box>
  );
}
