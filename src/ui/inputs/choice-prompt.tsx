/** A choice prompt (enum or boolean): the highlight is the answer, so Esc and Enter keep what is shown. */
import { choiceOptions } from '../../wizard-flow/prompts.js';
import { ChoiceList } from './choice/choice-list.js';
import { useChoice } from './choice/use-choice.js';
import type { PromptInputProps } from './prompt-input-props.js';

/** The input for enum and boolean leaves. */
export function ChoicePrompt({ prompt, value, onAnswer, onNext, onBack, isActive, frame }: PromptInputProps) {
  const options = choiceOptions(prompt);
  const highlighted = Math.max(0, options.findIndex((option) => option.value === value));
  const commands = useChoice({
    count: options.length,
    highlighted,
    isActive,
    onHighlight: (index) => onAnswer(options[index]!.value),
    onPick: (index) => {
      onAnswer(options[index]!.value);
      onNext();
    },
    onBack,
  });
  return frame(<ChoiceList rows={options.map((option) => ({ label: option.label, meaning: option.meaning }))} highlighted={highlighted} isActive={isActive} />, commands);
}
