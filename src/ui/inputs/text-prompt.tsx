/** A text prompt: the text input, with Enter and Esc for the flow. Empty means "leave out" where allowed. */
import { matches } from '../keys.js';
import type { PromptInputProps } from './prompt-input-props.js';
import { TextInput } from './text-input/text-input.js';
import { useKeys } from '../use-keys.js';

/** The input for string leaves. */
export function TextPrompt({ prompt, value, onAnswer, onNext, onBack, isActive }: PromptInputProps) {
  useKeys(
    (input, key) => {
      if (matches('next', input, key)) onNext();
      else if (matches('back', input, key)) onBack();
    },
    { isActive },
  );
  const text = typeof value === 'string' ? value : '';
  const example = prompt.leaf?.node.examples[0];
  return (
    <TextInput
      value={text}
      onChange={(next) => onAnswer(next === '' && prompt.omittable ? undefined : next)}
      isActive={isActive}
      placeholder={example ? `e.g. ${example}` : undefined}
    />
  );
}
