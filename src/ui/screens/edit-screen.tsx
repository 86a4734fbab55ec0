/** The editing screen: the current prompt in the step layout, with its input chosen by the prompt's kind. */
import type { Dispatch, ReactNode } from 'react';
import type { TargetReport } from '../../aws/types.js';
import { STEPS } from '../../parameter-model/index.js';
import { SkipStepDialog } from '../components/skip-step-dialog.js';
import { StepLayout } from '../components/step-layout.js';
import { constraintsOf, ValidationLine } from '../components/validation-line.js';
import { answerIssues, promptIssues } from '../../wizard-flow/issues.js';
import { stepProgress } from '../../wizard-flow/progress.js';
import { promptAt, visiblePrompts, type PromptKind } from '../../wizard-flow/prompts.js';
import { answersOfStep, canGoBack, showsErrors } from '../../wizard-flow/reducer.js';
import { answerRows } from '../../wizard-flow/answer-rows.js';
import type { WizardEvent, WizardState } from '../../wizard-flow/state.js';
import { ChoicePrompt } from '../inputs/choice-prompt.js';
import type { PromptInputProps } from '../inputs/prompt-input-props.js';
import { SmartMetadataBuilder } from '../inputs/smart-metadata/smart-metadata-builder.js';
import { TagsEditor } from '../inputs/tags-editor/tags-editor.js';
import { TextPrompt } from '../inputs/text-prompt.js';
import { ResourcePrompt } from '../inputs/resource-prompt.js';
import type { PickerResources } from '../inputs/prompt-input-props.js';
import type { Command } from '../keys.js';
import type { FieldIssue } from '../../request/issues.js';
import { useCommands } from '../use-commands.js';

const INPUTS: Record<PromptKind, (props: PromptInputProps) => React.ReactNode> = {
  text: TextPrompt,
  choice: ChoicePrompt,
  tags: TagsEditor,
  json: SmartMetadataBuilder,
  resource: ResourcePrompt,
};

/** Props of `EditScreen`. */
export interface EditScreenProps {
  state: WizardState;
  dispatch: Dispatch<WizardEvent>;
  target?: TargetReport;
  /** The chosen target's KMS keys and Lambda functions, for the resource pickers. */
  resources?: PickerResources;
  isActive: boolean;
}

/** The current step. */
export function EditScreen({ state, dispatch, target, resources, isActive }: EditScreenProps) {
  const prompt = promptAt(state.cursor)!;
  const step = STEPS.find((candidate) => candidate.id === prompt.step)!;
  const allIssues = promptIssues(prompt, answerIssues(state.answers, state));
  // Errors after touching: a field is not blamed before it was edited or left (warnings show at once).
  const untouched = !showsErrors(state, prompt);
  const issues = untouched ? allIssues.filter((issue) => issue.severity !== 'error') : allIssues;
  const value = state.answers[prompt.path];
  const ownsHelpKey = prompt.kind === 'json';
  const askingSkip = state.dialog === 'confirm-skip';
  const screenCommands = useCommands(
    {
      help: !ownsHelpKey && (() => dispatch({ type: 'toggleHelp' })),
      skip: step.optional && (() => dispatch({ type: 'skip' })),
    },
    { isActive: isActive && !askingSkip },
  );
  const Input = INPUTS[prompt.kind];
  const leafHelp = prompt.leaf && prompt.leaf.node !== prompt.parameter ? [prompt.leaf.node.help] : [];
  // The step's own help (e.g. "cannot be changed later") leads its first question; later ones show their own.
  const firstOfStep = visiblePrompts(state.answers).find((candidate) => candidate.step === prompt.step) === prompt;
  const title = [step.title, ...leafHelp.map((help) => help.label)].join(' › ');
  const layout = (view: ReactNode, inputCommands: readonly Command[], blames?: (issue: FieldIssue) => boolean) => (
    <StepLayout
      target={target}
      sandbox={state.sandbox}
      dryRun={state.dryRun}
      progress={stepProgress(state)}
      title={title}
      helps={state.longHelp ? [...leafHelp, prompt.parameter.help] : firstOfStep ? [prompt.parameter.help, ...leafHelp] : leafHelp}
      longHelp={state.longHelp}
      constraints={constraintsOf(prompt, allIssues)}
      validation={<ValidationLine prompt={prompt} value={value} issues={blames ? allIssues.filter((issue) => issue.severity !== 'error' || blames(issue)) : allIssues} untouched={untouched} />}
      footer={[...inputCommands, ...screenCommands]}
      isActive={isActive && !askingSkip}
    >
      {view}
      {askingSkip ? (
        <SkipStepDialog
          stepTitle={step.title}
          cleared={skippedAnswers(state)}
          onSkip={() => dispatch({ type: 'confirmSkip' })}
          onStay={() => dispatch({ type: 'closeDialog' })}
          isActive={isActive}
        />
      ) : null}
    </StepLayout>
  );
  return (
    <Input
      key={prompt.path}
      prompt={prompt}
      value={value}
      issues={issues}
      isActive={isActive && !askingSkip}
      onAnswer={(answer) => dispatch({ type: 'answer', path: prompt.path, value: answer })}
      onNext={() => dispatch({ type: 'next' })}
      onBack={canGoBack(state) ? () => dispatch({ type: 'back' }) : undefined}
      onHelp={() => dispatch({ type: 'toggleHelp' })}
      frame={layout}
      {...(resources ? { resources } : {})}
    />
  );
}

/** The step's answers as the review shows them, e.g. `Data store name: clinic`, `Tags: 2 tags: a=b, c=d`. */
function skippedAnswers(state: WizardState): string[] {
  const paths = answersOfStep(state);
  return answerRows(state.answers, state)
    .filter((row) => paths.includes(row.path))
    .map((row) => `${row.label}: ${row.shown}`);
}
