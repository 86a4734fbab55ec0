/** The review table's rows: every visible prompt with its answer shown in a line, whole, and its problems. */
import type { Answers } from '../request/answers.js';
import type { FieldIssue } from '../request/issues.js';
import { STEPS } from '../parameter-model/index.js';
import { answerIssues, promptIssues, type IssueChecks } from './issues.js';
import { leftOutMeans, visiblePrompts, type Prompt } from './prompts.js';

/** One row of the answers table. */
export interface AnswerRow {
  path: string;
  label: string;
  /** The title of the step that asks it (e.g. "Encryption"). */
  stepTitle: string;
  /** The answer in one line (lists counted: "3 tags: …"). */
  shown: string;
  /** The answer whole, for the "view whole" pane: a tag per line, metadata as indented JSON. */
  whole: string;
  issues: FieldIssue[];
  /** The prompt's parameter cannot be changed after creation (the confirmation names it). */
  fixedAfterCreation: boolean;
}

function count(length: number, noun: string): string {
  return `${length} ${noun}${length === 1 ? '' : 's'}`;
}

function show(prompt: Prompt, value: Answers[string]): string {
  if (value === undefined) {
    const fallback = leftOutMeans(prompt);
    return fallback ? `(left out: ${fallback})` : '(left out)';
  }
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : `${count(value.length, 'tag')}: ${value.map((tag) => `${tag.Key}=${tag.Value}`).join(', ')}`;
  if (value === '') return '(empty)';
  return String(value);
}

function showWhole(prompt: Prompt, value: Answers[string]): string {
  if (Array.isArray(value) && value.length > 0) return [`${count(value.length, 'tag')}:`, ...value.map((tag) => `${tag.Key}=${tag.Value}`)].join('\n');
  if (prompt.kind === 'json' && typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return show(prompt, value);
}

/** The rows for these answers (with the target's Region, when known, for the ARN checks, and the team policy). */
export function answerRows(answers: Answers, checks: IssueChecks = {}): AnswerRow[] {
  const issues = answerIssues(answers, checks);
  return visiblePrompts(answers).map((prompt) => {
    const step = STEPS.find((candidate) => candidate.id === prompt.step)!;
    const leafLabel = prompt.leaf && prompt.leaf.node !== prompt.parameter ? prompt.leaf.node.help.label : undefined;
    return {
      path: prompt.path,
      label: leafLabel ?? (prompt.parameter.help.label || step.title),
      stepTitle: step.title,
      shown: show(prompt, answers[prompt.path]),
      whole: showWhole(prompt, answers[prompt.path]),
      issues: promptIssues(prompt, issues),
      fixedAfterCreation: prompt.parameter.fixedAfterCreation === true,
    };
  });
}
