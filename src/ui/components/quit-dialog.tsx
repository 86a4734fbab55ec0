/** Before anything is sent, Ctrl+C asks before discarding the answers (or, with --save-preset on review, saving them). */
import { Box, Text} from 'ink';
import { Footer } from './footer.js';
import { useCommands } from '../use-commands.js';

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
  const commands = useCommands({ confirm: onQuit, cancel: onStay, quit: onQuit }, { isActive });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>{savesPreset === undefined ? 'Quit and discard your answers?' : `Quit and save the answers as preset "${savesPreset}"?`}</Text>
      <Text>Nothing has been sent; no data store was created.{savesPreset === undefined ? '' : ' (--save-preset)'}</Text>
      <Footer commands={commands} isActive={isActive} />
    </Box>
  );
}
