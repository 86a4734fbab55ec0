/** Where the person is: "Step n of N" and a mark per step, derived from the state. */
import { answerIssues, hasErrors, promptIssues } from './issues.js';
import { promptAt, visibleSteps } from './prompts.js';
import type { WizardState } from './state.js';

/** How a step is shown in the step list. */
export type StepMark = 'current' | 'done' | 'skipped' | 'error' | 'todo';

/** One line of the step list. */
export interface StepProgress {
  id: string;
  title: string;
  optional: boolean;
  mark: StepMark;
}

/** The visible steps with their marks, and the current step's position (1-based). */
export function stepProgress(state: WizardState): { steps: StepProgress[]; current: number; total: number } {
  const steps = visibleSteps(state.answers);
  const issues = answerIssues(state.answers, state);
  const currentStep = state.phase === 'editing' ? promptAt(state.cursor)?.step : undefined;
  const marked = steps.map((step): StepProgress => {
    const errors = step.prompts.some((prompt) => hasErrors(promptIssues(prompt, issues)));
    const seen = step.prompts.every((prompt) => state.visited.includes(prompt.path) || state.given.includes(prompt.path) || state.given.includes(prompt.parameter.name));
    let mark: StepMark = 'todo';
    if (step.id === currentStep) mark = 'current';
    else if (state.skipped.includes(step.id)) mark = 'skipped';
    else if (errors && (seen || state.phase === 'review')) mark = 'error';
    else if (seen || state.phase === 'review') mark = 'done';
    return { id: step.id, title: step.title, optional: step.optional, mark };
  });
  const index = marked.findIndex((step) => step.mark === 'current');
  return { steps: marked, current: index + 1, total: marked.length };
}
