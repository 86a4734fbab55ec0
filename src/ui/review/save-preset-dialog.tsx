/** Asks a name and saves the answers as a preset (without the client token). */
import { Box, Text} from 'ink';
import { useState } from 'react';
import { Footer } from '../components/footer.js';
import { TextInput } from '../inputs/text-input/text-input.js';
import { matches } from '../keys.js';
import { useKeys } from '../use-keys.js';
import { MARK } from '../theme.js';

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
  useKeys(
    (input, key) => {
      if (matches('back', input, key)) onCancel();
      else if (matches('next', input, key)) {
        if (name.trim() === '') setError('Give the preset a name.');
        else setError(onSave(name.trim()));
      }
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
      <Footer commands={['select', 'back']} />
    </Box>
  );
}
