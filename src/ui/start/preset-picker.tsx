/** Picks a preset to start from. */
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Preset } from '../../store/types.js';
import { Footer } from '../components/footer.js';
import { ChoiceList } from '../inputs/choice/choice-list.js';
import { useChoice } from '../inputs/choice/use-choice.js';
import { presetMeaning } from '../../wizard-flow/start-options.js';

/** Props of `PresetPicker`. */
export interface PresetPickerProps {
  presets: Preset[];
  onPick: (preset: Preset) => void;
  onBack: () => void;
  isActive: boolean;
}

/** The presets by name with their origin and description or last change. */
export function PresetPicker({ presets, onPick, onBack, isActive }: PresetPickerProps) {
  const [highlighted, setHighlighted] = useState(0);
  const commands = useChoice({ count: presets.length, highlighted, onHighlight: setHighlighted, onPick: (index) => onPick(presets[index]!), onBack, isActive });
  return (
    <Box flexDirection="column">
      <Text bold>Start from a preset</Text>
      <ChoiceList
        rows={presets.map((preset) => ({ label: preset.name, meaning: presetMeaning(preset) }))}
        highlighted={highlighted}
        height={10}
      />
      <Footer commands={commands} isActive={isActive} />
    </Box>
  );
}
