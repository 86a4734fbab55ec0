/** What every prompt input receives from the edit screen. */
import type { Answers } from '../../request/answers.js';
import type { FieldIssue } from '../../request/issues.js';
import type { Prompt } from '../flow/prompts.js';

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
  /** Esc on the input: go to the previous prompt. */
  onBack: () => void;
  isActive: boolean;
  /** For inputs that decide themselves when `?` is text (the raw JSON paste): toggles the long help. */
  onHelp?: () => void;
}
