/** A text prompt: the text input, with Enter and Esc for the flow. Empty means "leave out" where allowed. */
import type { PromptInputProps } from './prompt-input-props.js';
import { TextInput } from './text-input/text-input.js';
import { useCommands } from '../use-commands.js';

/** The input for string leaves. */
export function TextPrompt({ prompt, value, onAnswer, onNext, onBack, isActive, frame }: PromptInputProps) {
  const commands = useCommands({ next: onNext, back: onBack }, { isActive });
  const text = typeof value === 'string' ? value : '';
  const example = prompt.leaf?.node.examples[0];
  return frame(
    <TextInput
      value={text}
      onChange={(next) => onAnswer(next === '' && prompt.omittable ? undefined : next)}
      isActive={isActive}
      placeholder={example ? `e.g. ${example}` : undefined}
    />,
    commands,
  );
}
