/** The editing screen: the current prompt in the step layout, with its input chosen by the prompt's kind. */
import type { Dispatch } from 'react';
import type { Target } from '../../aws/types.js';
import { STEPS } from '../../spec/index.js';
import { StepLayout } from '../components/step-layout.js';
import { constraintsOf, ValidationLine } from '../components/validation-line.js';
import { answerIssues, promptIssues } from '../flow/issues.js';
import { stepProgress } from '../flow/progress.js';
import { promptAt, visiblePrompts, type PromptKind } from '../flow/prompts.js';
import type { WizardEvent, WizardState } from '../flow/state.js';
import { ChoicePrompt } from '../inputs/choice-prompt.js';
import type { PromptInputProps } from '../inputs/prompt-input-props.js';
import { SmartMetadataBuilder } from '../inputs/smart-metadata/smart-metadata-builder.js';
import { TagsEditor } from '../inputs/tags-editor/tags-editor.js';
import { TextPrompt } from '../inputs/text-prompt.js';
import { matches, type Command } from '../keys.js';
import { useKeys } from '../use-keys.js';

const INPUTS: Record<PromptKind, (props: PromptInputProps) => React.ReactNode> = {
  text: TextPrompt,
  choice: ChoicePrompt,
  tags: TagsEditor,
  json: SmartMetadataBuilder,
};

/** Props of `EditScreen`. */
export interface EditScreenProps {
  state: WizardState;
  dispatch: Dispatch<WizardEvent>;
  target?: Target | 'unresolved';
  isActive: boolean;
}

/** The current step. */
export function EditScreen({ state, dispatch, target, isActive }: EditScreenProps) {
  const prompt = promptAt(state.cursor)!;
  const step = STEPS.find((candidate) => candidate.id === prompt.step)!;
  const issues = promptIssues(prompt, answerIssues(state.answers));
  const value = state.answers[prompt.path];
  const ownsHelpKey = prompt.kind === 'json';
  useKeys(
    (input, key) => {
      if (!ownsHelpKey && matches('help', input, key)) dispatch({ type: 'toggleHelp' });
      else if (matches('skip', input, key)) dispatch({ type: 'skip' });
    },
    { isActive },
  );
  const Input = INPUTS[prompt.kind];
  const leafHelp = prompt.leaf && prompt.leaf.node !== prompt.parameter ? [prompt.leaf.node.help] : [];
  // The step's own help (e.g. "cannot be changed later") leads its first question; later ones show their own.
  const firstOfStep = visiblePrompts(state.answers).find((candidate) => candidate.step === prompt.step) === prompt;
  const title = [step.title, ...leafHelp.map((help) => help.label)].join(' › ');
  const footer: Command[] = ['next', 'back', 'help'];
  if (prompt.kind === 'choice') footer.unshift('choose');
  if (step.optional) footer.push('skip');
  footer.push('quit');
  return (
    <StepLayout
      target={target}
      sandbox={state.sandbox}
      progress={stepProgress(state)}
      title={title}
      helps={state.longHelp ? [...leafHelp, prompt.parameter.help] : firstOfStep ? [prompt.parameter.help, ...leafHelp] : leafHelp}
      longHelp={state.longHelp}
      constraints={constraintsOf(prompt, issues)}
      validation={<ValidationLine prompt={prompt} value={value} issues={issues} />}
      footer={footer}
    >
      <Input
        key={prompt.path}
        prompt={prompt}
        value={value}
        issues={issues}
        isActive={isActive}
        onAnswer={(answer) => dispatch({ type: 'answer', path: prompt.path, value: answer })}
        onNext={() => dispatch({ type: 'next' })}
        onBack={() => dispatch({ type: 'back' })}
        onHelp={() => dispatch({ type: 'toggleHelp' })}
      />
    </StepLayout>
  );
}
