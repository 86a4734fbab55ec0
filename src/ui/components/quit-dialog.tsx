/** Before anything is sent, Ctrl+C asks before discarding the answers. */
import { Box, Text} from 'ink';
import { matches } from '../keys.js';
import { Footer } from './footer.js';
import { useKeys } from '../use-keys.js';

/** Props of `QuitDialog`. */
export interface QuitDialogProps {
  onQuit: () => void;
  onStay: () => void;
  isActive: boolean;
}

/** y (or Ctrl+C again) quits, n or Esc stays. */
export function QuitDialog({ onQuit, onStay, isActive }: QuitDialogProps) {
  useKeys(
    (input, key) => {
      if (matches('confirm', input, key) || matches('quit', input, key)) onQuit();
      else if (matches('cancel', input, key)) onStay();
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Quit and discard your answers?</Text>
      <Text>Nothing has been sent; no data store was created.</Text>
      <Footer commands={['confirm', 'cancel']} />
    </Box>
  );
}
