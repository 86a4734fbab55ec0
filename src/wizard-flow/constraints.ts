/** A prompt's limits in words (lengths, characters, choices, optional or required), for every front end. */
import type { FieldIssue } from '../request/issues.js';
import type { Prompt } from './prompts.js';

/** What a string leaf allows, in words: length limits, characters, optional or not. */
export function constraintsOf(prompt: Prompt, issues: readonly FieldIssue[] = []): string {
  const node = prompt.leaf?.node;
  const parts: string[] = [];
  if (node?.kind === 'string') {
    if (node.min !== undefined && node.max !== undefined) parts.push(`${node.min}–${node.max} characters`);
    else if (node.holdsJson) parts.push('a JSON object');
    if (node.patternInWords) parts.push(node.patternInWords);
  } else if (node?.kind === 'enum') {
    parts.push(`one of ${node.values.map((value) => value.value).join(', ')}`);
  } else if (prompt.kind === 'tags' && prompt.parameter.kind === 'list') {
    parts.push(`up to ${prompt.parameter.max} tags with unique keys`);
  }
  parts.push(isOptionalNow(prompt, issues) ? 'optional' : 'required');
  return parts.join(' · ');
}

/** Whether the prompt may be left out with these answers' issues. */
export function isOptionalNow(prompt: Prompt, issues: readonly FieldIssue[]): boolean {
  // Some members are needed only because of another answer (a key id for a customer managed key).
  const neededByOthers = issues.some((issue) => issue.field === prompt.path && (issue.rule === 'depends-on' || issue.rule === 'required'));
  return prompt.omittable && !neededByOthers;
}
