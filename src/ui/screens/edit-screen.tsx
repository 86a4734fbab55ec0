/** The editing screen: the current prompt in the step layout, with its input chosen by the prompt's kind. */
import { useState, type Dispatch } from 'react';
import type { Target } from '../../aws/types.js';
import { STEPS, type Help } from '../../spec/index.js';
import { StepLayout } from '../components/step-layout.js';
import { constraintsOf, ValidationLine } from '../components/validation-line.js';
import { answerIssues, promptIssues } from '../flow/issues.js';
import { stepProgress } from '../flow/progress.js';
import { promptAt, visiblePrompts, type Prompt, type PromptKind } from '../flow/prompts.js';
import type { WizardEvent, WizardState } from '../flow/state.js';
import { ChoicePrompt } from '../inputs/choice-prompt.js';
import type { PromptInputProps } from '../inputs/prompt-input-props.js';
import { SmartMetadataBuilder } from '../inputs/smart-metadata/smart-metadata-builder.js';
import { TagsEditor } from '../inputs/tags-editor/tags-editor.js';
import { TextPrompt } from '../inputs/text-prompt.js';
import { matches, type Command } from '../keys.js';
import { useKeys } from '../use-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { longHelpLines, longHelpRows, maxHelpOffset } from '../components/help-panel.js';

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
  const helps = state.longHelp ? [...leafHelpOf(prompt), prompt.parameter.help] : [];
  // The long help scrolls page by page; the offset belongs to this prompt's help (0 for any other).
  const { columns, rows } = useTerminalSize();
  const [helpScroll, setHelpScroll] = useState({ for: '', by: 0 });
  const helpOffset = state.longHelp && helpScroll.for === prompt.path ? helpScroll.by : 0;
  const helpRows = longHelpRows(rows);
  const helpMax = state.longHelp ? maxHelpOffset(longHelpLines(helps, columns).length, helpRows) : 0;
  const scrollHelp = (pages: number) =>
    setHelpScroll({ for: prompt.path, by: Math.min(helpMax, Math.max(0, helpOffset + pages * Math.max(1, helpRows - 3))) });
  useKeys(
    (input, key) => {
      if (!ownsHelpKey && matches('help', input, key)) dispatch({ type: 'toggleHelp' });
      else if (matches('skip', input, key)) dispatch({ type: 'skip' });
      else if (matches('helpDown', input, key)) scrollHelp(1);
      else if (matches('helpUp', input, key)) scrollHelp(-1);
    },
    { isActive },
  );
  const Input = INPUTS[prompt.kind];
  const leafHelp = leafHelpOf(prompt);
  // The step's own help (e.g. "cannot be changed later") leads its first question; later ones show their own.
  const firstOfStep = visiblePrompts(state.answers).find((candidate) => candidate.step === prompt.step) === prompt;
  const title = [step.title, ...leafHelp.map((help) => help.label)].join(' › ');
  const footer: Command[] = ['next', 'back', 'help'];
  if (prompt.kind === 'choice') footer.unshift('choose');
  if (step.optional) footer.push('skip');
  if (helpMax > 0) footer.push('helpDown');
  footer.push('quit');
  return (
    <StepLayout
      target={target}
      sandbox={state.sandbox}
      progress={stepProgress(state)}
      title={title}
      helps={state.longHelp ? helps : firstOfStep ? [prompt.parameter.help, ...leafHelp] : leafHelp}
      longHelp={state.longHelp}
      helpOffset={helpOffset}
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

/** The help of the member a prompt asks for, when it is not the whole parameter. */
function leafHelpOf(prompt: Prompt): Help[] {
  return prompt.leaf && prompt.leaf.node !== prompt.parameter ? [prompt.leaf.node.help] : [];
}
