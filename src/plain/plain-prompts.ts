/**
 * The plain mode's words: each prompt as lines of text (question, help, limits, choices, the default in
 * brackets) and a typed line read back into an answer. Pure: the same spec, prompts and validation as the
 * wizard's screens, only written as lines.
 */
import type { Answers } from '../request/answers.js';
import type { FieldIssue } from '../request/issues.js';
import type { Tag } from '../request/types.js';
import { STEPS, type Help } from '../parameter-model/index.js';
import { constraintsOf, isOptionalNow } from '../wizard-flow/constraints.js';
import { choiceOptions, visiblePrompts, type Prompt } from '../wizard-flow/prompts.js';
import { answerRows } from '../wizard-flow/answer-rows.js';
import { MARK } from '../wizard-flow/marks.js';

/** What a person types instead of an answer. */
export const PLAIN_COMMANDS = { help: '?', back: '<', leaveOut: '-', build: 'build' } as const;

/** A typed line read as an answer, or a problem with it (worded as the validation's issues are). */
export type ReadAnswer = { value: Answers[string] } | { problem: Pick<FieldIssue, 'message' | 'fix'> };

/** The prompt's title, as the wizard's step title shows it: `Encryption › Key type`. */
export function promptTitle(prompt: Prompt): string {
  const step = STEPS.find((candidate) => candidate.id === prompt.step)!;
  const leafLabel = prompt.leaf && prompt.leaf.node !== prompt.parameter ? prompt.leaf.node.help.label : undefined;
  return [step.title, ...(leafLabel ? [leafLabel] : [])].join(' › ');
}

/** The helps the wizard shows on this prompt: the step's own leads its first question. */
function helpsOf(prompt: Prompt, answers: Answers, long: boolean): Help[] {
  const leafHelp = prompt.leaf && prompt.leaf.node !== prompt.parameter ? [prompt.leaf.node.help] : [];
  if (long) return [...leafHelp, prompt.parameter.help];
  const firstOfStep = visiblePrompts(answers).find((candidate) => candidate.step === prompt.step) === prompt;
  return firstOfStep ? [prompt.parameter.help, ...leafHelp] : leafHelp;
}

/** How to answer this kind of prompt, in a line. */
function howToAnswer(prompt: Prompt, value: Answers[string], optional: boolean): string {
  const keep = value === undefined ? '' : 'Enter keeps the value in brackets; ';
  const leaveOut = optional ? `; ${PLAIN_COMMANDS.leaveOut} leaves it out` : '';
  switch (prompt.kind) {
    case 'choice':
      return 'Enter keeps the value in brackets; type a number or a value.';
    case 'tags':
      return `${keep}type tags as KEY=VALUE, one per line, and an empty line to end (they replace the list)${leaveOut}.`;
    case 'json':
      return `${keep || 'Enter builds it question by question; '}${keep ? `${PLAIN_COMMANDS.build} changes it question by question; ` : ''}or type the JSON document on one line, or file://PATH to read it from a file${leaveOut}.`;
    default:
      return `${keep}type the value${value !== undefined && optional ? leaveOut : ''}.`;
  }
}

/** The lines before a prompt's question: title, help, limits, choices and how to answer. */
export function promptLines(prompt: Prompt, answers: Answers, issues: readonly FieldIssue[]): string[] {
  const value = answers[prompt.path];
  const lines = [promptTitle(prompt), ...helpsOf(prompt, answers, false).map((help) => help.short), `Limits: ${constraintsOf(prompt, issues)}`];
  if (prompt.kind === 'choice') {
    choiceOptions(prompt).forEach((option, index) => lines.push(`  ${index + 1}. ${option.label}: ${option.meaning}`));
  }
  const how = howToAnswer(prompt, value, isOptionalNow(prompt, issues));
  lines.push(`(${how[0]!.toUpperCase()}${how.slice(1)} ${PLAIN_COMMANDS.help} shows more help, ${PLAIN_COMMANDS.back} goes back.)`);
  return lines;
}

/** The long help of a prompt (`?`): every paragraph, unwrapped (the terminal or the screen reader wraps). */
export function longHelpLines(prompt: Prompt, answers: Answers): string[] {
  return helpsOf(prompt, answers, true).flatMap((help) => [`${help.label}:`, ...help.long.split('\n')]);
}

/** The question line, with the default in brackets: `Data store name [clinic]: `. */
export function questionLine(prompt: Prompt, answers: Answers, issues: readonly FieldIssue[] = []): string {
  const value = answers[prompt.path];
  const label = promptTitle(prompt).split(' › ').at(-1)!;
  let shown: string;
  if (prompt.kind === 'choice') {
    const options = choiceOptions(prompt);
    const index = Math.max(0, options.findIndex((option) => option.value === value));
    shown = `${index + 1} ${options[index]!.label}`;
  } else {
    shown = value === undefined ? (isOptionalNow(prompt, issues) ? 'none' : '') : (answerRows(answers).find((row) => row.path === prompt.path)?.shown ?? '');
  }
  return `${label}${shown === '' ? '' : ` [${shown}]`}: `;
}

/** A typed line as a choice's value: its number, or the value itself (any case). Empty keeps `current`. */
export function readChoice(prompt: Prompt, line: string, current: Answers[string]): ReadAnswer {
  const options = choiceOptions(prompt);
  const typed = line.trim();
  if (typed === '') return { value: current };
  const byNumber = /^\d+$/.test(typed) ? options[Number(typed) - 1] : undefined;
  const byLabel = options.find((option) => option.label.toLowerCase() === typed.toLowerCase());
  const option = byNumber ?? byLabel;
  if (!option) {
    return {
      problem: {
        message: `"${typed}" is not one of the ${options.length} choices.`,
        fix: `Type a number from 1 to ${options.length}, or one of: ${options.map((candidate) => candidate.label).join(', ')}.`,
      },
    };
  }
  return { value: option.value };
}

/** A typed line as a text or JSON answer: empty keeps `current`, `-` leaves an optional one out. */
export function readText(prompt: Prompt, line: string, current: Answers[string], issues: readonly FieldIssue[] = []): ReadAnswer {
  if (line === '') return { value: current };
  if (line === PLAIN_COMMANDS.leaveOut && isOptionalNow(prompt, issues)) return { value: undefined };
  return { value: line };
}

/** One `KEY=VALUE` line as a tag (the value may hold `=`; it may be empty). */
export function readTag(line: string): Tag | { problem: Pick<FieldIssue, 'message' | 'fix'> } {
  const at = line.indexOf('=');
  if (at === -1) {
    return { problem: { message: `"${line}" is not a tag.`, fix: 'Write each tag as KEY=VALUE, e.g. team=data (an empty value is allowed: env=).' } };
  }
  return { Key: line.slice(0, at), Value: line.slice(at + 1) };
}

/** A problem as the wizard's validation line shows it: the message, then its fix. */
export function problemLines(problem: Pick<FieldIssue, 'message' | 'fix'>): string[] {
  return [`${MARK.error} ${problem.message}`, `  Fix: ${problem.fix}`];
}
