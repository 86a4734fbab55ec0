/** What every prompt input receives from the edit screen. */
import type { ReactNode } from 'react';
import type { Answers } from '../../request/answers.js';
import type { FieldIssue } from '../../request/issues.js';
import type { Prompt } from '../../wizard-flow/prompts.js';
import type { ResourceSource } from '../effects/app-deps.js';
import type { Command } from '../keys.js';

/** Where the pickers' lists come from, and the target's name for their lines (e.g. `us-east-1`, `the sandbox`). */
export interface PickerResources {
  /** The connection's source (resolving it loads the SDK: called after the prompt's first frame). */
  source: () => Promise<ResourceSource | undefined>;
  where: string;
}

/** Props shared by the inputs of the edit screen. */
export interface PromptInputProps {
  prompt: Prompt;
  /** The current answer for `prompt.path`. */
  value: Answers[string];
  /** The prompt's issues (live validation). */
  issues: FieldIssue[];
  onAnswer: (value: Answers[string]) => void;
  /** Enter on the input: go to the next prompt. */
  onNext: () => void;
  /** Esc on the input: go to the previous prompt (none on the first). */
  onBack?: () => void;
  isActive: boolean;
  /** For inputs that decide themselves when `?` is text (the raw JSON paste): toggles the long help. */
  onHelp?: () => void;
  /** For the resource pickers (KMS keys, Lambda functions): the target's lists. */
  resources?: PickerResources;
  /**
   * Lays the input out in its step: the input hands over its view and the commands it handles (from
   * `useCommands`), so that the step's footer shows exactly them; `blames`, when given, says which errors of
   * the answer the input has asked about yet (the others wait, as an untouched field's do).
   */
  frame: (view: ReactNode, commands: readonly Command[], blames?: (issue: FieldIssue) => boolean) => ReactNode;
}
