/**
 * The wizard's prompts, derived from the spec: one per scalar leaf (text or choice), one tag editor per list
 * parameter and one metadata builder per JSON-holding string. Which prompts are visible follows from the
 * answers and each member's `appliesWhen`; nothing here names a field.
 */
import { LEAVES, PARAMETERS, STEPS, type SpecLeaf, type SpecNode, type StepId, type TopLevelParameter } from '../parameter-model/index.js';
import type { AnswerValue, Answers } from '../request/answers.js';

/** How a prompt is answered: `resource` is a picker over the target's KMS keys or Lambda functions. */
export type PromptKind = 'text' | 'choice' | 'tags' | 'json' | 'resource';

/** One question of the wizard. */
export interface Prompt {
  /** The answers key (a leaf path, or the list parameter's name for tags). */
  path: string;
  step: StepId;
  kind: PromptKind;
  parameter: TopLevelParameter;
  /** The leaf, for scalar prompts. */
  leaf?: SpecLeaf;
  /** Leaving it unset is allowed (an optional member, or the discriminator of an optional structure). */
  omittable: boolean;
}

/** Whether any node from the parameter down to the leaf is optional, so the leaf can be left out. */
function isOmittable(leaf: SpecLeaf): boolean {
  const names = leaf.path.split('.').slice(1);
  let node: SpecNode = leaf.parameter;
  if (!node.required) return true;
  for (const name of names) {
    if (node.kind !== 'structure') break;
    const next: SpecNode | undefined = node.members.find((member) => member.name === name);
    if (!next) break;
    if (!next.required) return true;
    node = next;
  }
  return false;
}

function promptKind(leaf: SpecLeaf): PromptKind {
  if (leaf.node.kind === 'enum' || leaf.node.kind === 'boolean') return 'choice';
  if (leaf.node.kind === 'string' && leaf.node.pickedFrom) return 'resource';
  return leaf.node.holdsJson ? 'json' : 'text';
}

/** Every prompt in spec order, visible or not. */
export const ALL_PROMPTS: readonly Prompt[] = PARAMETERS.flatMap((parameter): Prompt[] => {
  if (parameter.kind === 'list') return [{ path: parameter.name, step: parameter.step, kind: 'tags', parameter, omittable: true }];
  return LEAVES.filter((leaf) => leaf.parameter === parameter).map((leaf) => ({
    path: leaf.path,
    step: parameter.step,
    kind: promptKind(leaf),
    parameter,
    leaf,
    omittable: isOmittable(leaf),
  }));
});

/** The prompt for an answers key. */
export function promptAt(path: string): Prompt | undefined {
  return ALL_PROMPTS.find((prompt) => prompt.path === path);
}

/** Whether a prompt applies given the other answers (its `appliesWhen` sibling holds an allowed value). */
export function isVisible(prompt: Prompt, answers: Answers): boolean {
  const condition = prompt.leaf?.node.appliesWhen;
  if (!condition) return true;
  const siblingPath = [...prompt.path.split('.').slice(0, -1), condition.sibling].join('.');
  const value = answers[siblingPath];
  return typeof value === 'string' && condition.oneOf.includes(value);
}

/** The prompts that apply to these answers, in order. */
export function visiblePrompts(answers: Answers): Prompt[] {
  return ALL_PROMPTS.filter((prompt) => isVisible(prompt, answers));
}

/** The steps that have at least one visible prompt, with their prompts. */
export function visibleSteps(answers: Answers): { id: StepId; title: string; optional: boolean; prompts: Prompt[] }[] {
  const prompts = visiblePrompts(answers);
  return STEPS.map((step) => ({ ...step, prompts: prompts.filter((prompt) => prompt.step === step.id) })).filter(
    (step) => step.prompts.length > 0,
  );
}

/** Answers with what no longer applies removed (e.g. a key id after switching to an AWS owned key). */
export function applicableAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const prompt of visiblePrompts(answers)) {
    const value = answers[prompt.path];
    if (value !== undefined) out[prompt.path] = value;
  }
  return out;
}

/** What applies when the prompt is left out (the spec's `whenLeftOut` of the leaf, else of its parameter). */
export function leftOutMeans(prompt: Prompt): string | undefined {
  return prompt.leaf?.node.whenLeftOut ?? prompt.parameter.whenLeftOut;
}

/** A choice prompt's options: the enum values (or true/false), plus "leave out" when it may be left out. */
export function choiceOptions(prompt: Prompt): { value: AnswerValue | undefined; label: string; meaning: string }[] {
  const node = prompt.leaf?.node;
  const options: { value: AnswerValue | undefined; label: string; meaning: string }[] = [];
  if (prompt.omittable) {
    const fallback = leftOutMeans(prompt);
    options.push(
      fallback
        ? { value: undefined, label: `Leave out (${fallback})`, meaning: `Not set: the service uses its default, ${fallback}.` }
        : { value: undefined, label: 'Leave out', meaning: 'Not set: the service default applies.' },
    );
  }
  if (node?.kind === 'enum') {
    for (const value of node.values) options.push({ value: value.value, label: value.value, meaning: value.meaning });
  } else if (node?.kind === 'boolean') {
    options.push({ value: true, label: 'true', meaning: 'Enabled.' }, { value: false, label: 'false', meaning: 'Disabled.' });
  }
  return options;
}
