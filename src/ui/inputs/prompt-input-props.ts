/** What every prompt input receives from the edit screen. */
import type { ReactNode } from 'react';
import type { Answers } from '../../request/answers.js';
import type { FieldIssue } from '../../request/issues.js';
import type { Prompt } from '../flow/prompts.js';
import type { Command } from '../keys.js';

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
  /**
   * Lays the input out in its step: the input hands over its view and the commands it handles (from
   * `useCommands`), so that the step's footer shows exactly them.
   */
  frame: (view: ReactNode, commands: readonly Command[]) => ReactNode;
}
