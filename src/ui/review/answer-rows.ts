/** The review table's rows: every visible prompt with its answer shown in a line and its problems. */
import type { Answers } from '../../request/answers.js';
import type { FieldIssue } from '../../request/issues.js';
import { STEPS } from '../../spec/index.js';
import { answerIssues, promptIssues } from '../flow/issues.js';
import { visiblePrompts } from '../flow/prompts.js';

/** One row of the answers table. */
export interface AnswerRow {
  path: string;
  label: string;
  shown: string;
  issues: FieldIssue[];
}

function show(value: Answers[string]): string {
  if (value === undefined) return '(left out)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((tag) => `${tag.Key}=${tag.Value}`).join(', ');
  if (value === '') return '(empty)';
  return String(value);
}

/** The rows for these answers. */
export function answerRows(answers: Answers): AnswerRow[] {
  const issues = answerIssues(answers);
  return visiblePrompts(answers).map((prompt) => {
    const step = STEPS.find((candidate) => candidate.id === prompt.step)!;
    const leafLabel = prompt.leaf && prompt.leaf.node !== prompt.parameter ? prompt.leaf.node.help.label : undefined;
    return {
      path: prompt.path,
      label: leafLabel ?? (prompt.parameter.help.label || step.title),
      shown: show(answers[prompt.path]),
      issues: promptIssues(prompt, issues),
    };
  });
}
