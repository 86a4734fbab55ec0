/** Asks a name and saves the answers as a preset (without the client token). */
import { Box, Text} from 'ink';
import { useState } from 'react';
import { Footer } from '../components/footer.js';
import { TextInput } from '../inputs/text-input/text-input.js';
import { useCommands } from '../use-commands.js';
import { MARK } from '../../wizard-flow/marks.js';

/** Props of `SavePresetDialog`. */
export interface SavePresetDialogProps {
  /** Saves; returns an error message to show, or undefined on success. */
  onSave: (name: string) => string | undefined;
  onCancel: () => void;
  isActive: boolean;
}

/** A name field; Enter saves, Esc cancels. */
export function SavePresetDialog({ onSave, onCancel, isActive }: SavePresetDialogProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const commands = useCommands(
    {
      // Enter saves under the name typed.
      select: () => (name.trim() === '' ? setError('Give the preset a name.') : setError(onSave(name.trim()))),
      back: onCancel,
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Save these answers as a preset</Text>
      <Text dimColor>The client token is not saved: every run gets a new one.</Text>
      <Box>
        <Text>Name: </Text>
        <TextInput value={name} onChange={(next) => { setName(next); setError(undefined); }} isActive={isActive} placeholder="e.g. clinic-prod" />
      </Box>
      {error ? <Text color="red">{MARK.error} {error}</Text> : null}
      <Footer commands={commands} isActive={isActive} />
    </Box>
  );
}
