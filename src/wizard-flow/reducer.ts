/**
 * The wizard flow as a pure reducer. Visible prompts are derived from the spec and the answers on every event;
 * the state keeps only the cursor, the trail for Esc, and what the person did (visited, skipped).
 */
import { answersFromRequest, type Answers } from '../request/answers.js';
import type { CreateResult } from '../aws/types.js';
import { PARAMETERS, STEPS } from '../parameter-model/index.js';
import { answerIssues, hasErrors, promptIssues, type IssueChecks } from './issues.js';
import { choiceOptions, promptAt, visiblePrompts, type Prompt } from './prompts.js';
import type { TeamPolicy } from '../request/policy-types.js';
import { targetBlocker, targetChoiceOf, type StartChoices, type WizardEvent, type WizardState } from './state.js';
import { regionNotOffered } from './target-words.js';

/** How a wizard run begins. */
export interface InitialFlow {
  /** Defaults and given values, keyed by spec path. */
  initial: Answers;
  /** Paths given explicitly (flags, `--cli-input-json`, `--preset`): skipped when valid. */
  given: readonly string[];
  sandbox?: boolean;
  /** `--dry-run`: the run ends by printing the request; nothing is sent. */
  dryRun?: boolean;
  /** A fresh ClientToken, shown (and overridable) on the last step unless one was given (see `clientTokenMade`). */
  clientToken?: string;
  /** The project's team policy: its rules are checked as the person types. */
  policy?: TeamPolicy;
  /** The preset the run starts from (`--preset`). */
  preset?: string;
}

const CLIENT_TOKEN_PATH = 'ClientToken';

function isGivenAndValid(prompt: Prompt, state: Pick<WizardState, 'answers' | 'given' | 'region' | 'policy' | 'preset'>): boolean {
  if (!state.given.includes(prompt.path) && !state.given.includes(prompt.parameter.name)) return false;
  return !hasErrors(promptIssues(prompt, answerIssues(state.answers, state)));
}

/** The first visible prompt after `from` (or from the start) that must be asked. */
function nextToAsk(state: Pick<WizardState, 'answers' | 'given' | 'region' | 'policy' | 'preset'>, from?: string): Prompt | undefined {
  const prompts = visiblePrompts(state.answers);
  const start = from === undefined ? 0 : prompts.findIndex((prompt) => prompt.path === from) + 1;
  return prompts.slice(start).find((prompt) => !isGivenAndValid(prompt, state));
}

/** The first visible prompt after `from` that has an error (used when returning to review). */
function nextWithError(answers: Answers, from: string, checks: IssueChecks): Prompt | undefined {
  const prompts = visiblePrompts(answers);
  const issues = answerIssues(answers, checks);
  const start = prompts.findIndex((prompt) => prompt.path === from) + 1;
  return prompts.slice(start).find((prompt) => hasErrors(promptIssues(prompt, issues)));
}

/** The state a run begins in: editing the first prompt to ask, or review when everything given is valid. */
export function initialWizardState(flow: InitialFlow): WizardState {
  const answers: Answers = { ...flow.initial };
  if (answers[CLIENT_TOKEN_PATH] === undefined && flow.clientToken) answers[CLIENT_TOKEN_PATH] = flow.clientToken;
  // A required choice starts on its first value (R4): the highlight a person sees is the answer.
  for (const prompt of visiblePrompts(answers)) {
    if (prompt.kind === 'choice' && !prompt.omittable && answers[prompt.path] === undefined) answers[prompt.path] = choiceOptions(prompt)[0]?.value;
  }
  // The client token is generated (or, in a dry run, left out): not a question to ask when a run starts from
  // given values (flags, a preset), which then asks only for what is missing or invalid and shows review.
  const given = flow.given.length > 0 && !flow.given.includes(CLIENT_TOKEN_PATH) ? [...flow.given, CLIENT_TOKEN_PATH] : flow.given;
  const base: WizardState = {
    phase: 'editing',
    dialog: 'none',
    answers,
    given,
    cursor: '',
    trail: [],
    visited: [],
    touchedFields: [],
    skipped: [],
    returnToReview: false,
    longHelp: false,
    sandbox: flow.sandbox ?? false,
    targetVersion: 0,
    dryRun: flow.dryRun ?? false,
    touched: false,
    ...(flow.policy ? { policy: flow.policy } : {}),
    ...(flow.preset ? { preset: flow.preset } : {}),
  };
  const first = nextToAsk(base);
  return first ? { ...base, cursor: first.path } : { ...base, phase: 'review', cursor: visiblePrompts(answers)[0]!.path };
}

/** Whether the run has no ClientToken yet (none given, typed or made) and will send one (not a dry run). */
export function needsClientToken(state: Pick<WizardState, 'answers' | 'dryRun'>): boolean {
  return state.answers[CLIENT_TOKEN_PATH] === undefined && !state.dryRun;
}

/** The status panel's state for an existing data store (`healthlake-wizard status ID`). */
export function watchingWizardState(result: CreateResult, at: number, sandbox = false): WizardState {
  return { ...initialWizardState({ initial: {}, given: [], sandbox }), phase: 'watching', watch: { result, startedAt: at } };
}

function touch(state: WizardState, path: string): WizardState {
  return state.touchedFields.includes(path) ? state : { ...state, touchedFields: [...state.touchedFields, path] };
}

/** Whether the field's errors are shown: once it was edited or left, or when it was given (flags, a preset). */
export function showsErrors(state: Pick<WizardState, 'touchedFields' | 'given'>, prompt: Prompt): boolean {
  return state.touchedFields.includes(prompt.path) || state.given.includes(prompt.path) || state.given.includes(prompt.parameter.name);
}

function advance(before: WizardState): WizardState {
  const prompt = promptAt(before.cursor);
  if (!prompt) return before;
  const state = touch(before, prompt.path);
  const issues = answerIssues(state.answers, state);
  // Enter never moves past a field that is wrong as typed; cross-field problems are shown on the field they name.
  if (hasErrors(promptIssues(prompt, issues))) return state;
  const visited = state.visited.includes(prompt.path) ? state.visited : [...state.visited, prompt.path];
  const skipped = state.skipped.filter((step) => step !== prompt.step);
  const next = state.returnToReview ? nextWithError(state.answers, prompt.path, state) : nextToAsk(state, prompt.path);
  if (!next) return { ...state, visited, skipped, phase: 'review', trail: [], returnToReview: false, longHelp: false };
  return { ...state, visited, skipped, cursor: next.path, trail: [...state.trail, prompt.path], longHelp: false };
}

/**
 * The target must be told on the first screen: it is broken, or its Region has no HealthLake (not a blocker, as
 * the Regions' table may lag, but a newcomer would answer every step to a creation that fails). A dry run sends
 * nothing, and a pending resend goes to its own target.
 */
function targetToTell(state: Pick<WizardState, 'dryRun' | 'targetReport' | 'resuming'>): boolean {
  return targetBlocker(state) !== undefined || (!state.dryRun && !state.resuming && regionNotOffered(state.targetReport));
}

/**
 * Whether the start screen has something to offer for these choices, or a target to fix (it is shown before
 * step 1, and Esc returns to it).
 */
function startOffers(state: Pick<WizardState, 'given' | 'dryRun' | 'targetReport' | 'resuming'>, choices: StartChoices | undefined): boolean {
  if (targetToTell(state)) return true;
  if (!choices) return false;
  return choices.credentialsMissing || choices.pending.length > 0 || (state.given.length === 0 && (choices.lastAnswers !== undefined || choices.presets.length > 0));
}

/** Whether Esc does something on the current step (the footer shows "Esc back" only then). */
export function canGoBack(state: WizardState): boolean {
  if (state.phase !== 'editing') return state.phase === 'review';
  const visible = new Set(visiblePrompts(state.answers).map((prompt) => prompt.path));
  return state.trail.some((path) => visible.has(path)) || state.returnToReview || startOffers(state, state.start);
}

function goBack(state: WizardState): WizardState {
  if (state.phase === 'review') {
    const prompts = visiblePrompts(state.answers);
    return { ...state, phase: 'editing', cursor: prompts.at(-1)!.path, trail: prompts.slice(0, -1).map((p) => p.path), submitError: undefined };
  }
  const visible = new Set(visiblePrompts(state.answers).map((prompt) => prompt.path));
  const trail = [...state.trail];
  while (trail.length > 0) {
    const previous = trail.pop()!;
    if (visible.has(previous)) return { ...state, cursor: previous, trail, longHelp: false };
  }
  if (state.returnToReview) return { ...state, phase: 'review', returnToReview: false, trail: [] };
  // Esc on the first step goes back to the start screen, when there is one; the answers are kept.
  if (startOffers(state, state.start)) return { ...state, phase: 'start', longHelp: false };
  return state;
}

/** The answers of the current step that skipping it would clear (a typed name, chosen options, tags). */
export function answersOfStep(state: Pick<WizardState, 'answers' | 'cursor'>): string[] {
  const step = promptAt(state.cursor)?.step;
  return visiblePrompts(state.answers)
    .filter((prompt) => prompt.step === step)
    .filter((prompt) => {
      const value = state.answers[prompt.path];
      return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
    })
    .map((prompt) => prompt.path);
}

function skipStep(state: WizardState): WizardState {
  const prompt = promptAt(state.cursor);
  const step = STEPS.find((candidate) => candidate.id === prompt?.step);
  if (!prompt || !step?.optional) return state;
  const answers: Answers = { ...state.answers };
  for (const candidate of visiblePrompts(state.answers)) {
    if (candidate.step === step.id) delete answers[candidate.path];
  }
  const skipped = state.skipped.includes(step.id) ? state.skipped : [...state.skipped, step.id];
  const afterStep = visiblePrompts(answers).filter((candidate) => candidate.step === step.id).at(-1)?.path ?? prompt.path;
  const moved = { ...state, answers, skipped, touched: true };
  const next = state.returnToReview ? undefined : nextToAsk(moved, afterStep);
  if (!next || next.step === step.id) return { ...moved, phase: 'review', trail: [], returnToReview: false, longHelp: false };
  return { ...moved, cursor: next.path, trail: [...state.trail, prompt.path], longHelp: false };
}

function restart(state: WizardState, answers: Answers, given: readonly string[], preset?: string): WizardState {
  const fresh = initialWizardState({
    initial: answers,
    given,
    sandbox: state.sandbox,
    dryRun: state.dryRun,
    clientToken: state.answers[CLIENT_TOKEN_PATH] as string | undefined,
    ...(state.policy ? { policy: state.policy } : {}),
    ...(preset ? { preset } : {}),
  });
  // The target stays as chosen and checked.
  const { chosenProfile, chosenRegion, targetVersion, targetReport, region } = state;
  return { ...fresh, chosenProfile, chosenRegion, targetVersion, targetReport, region, start: state.start, touched: true };
}

/** Before anything was sent, the target can change; a pending resend stays bound to its own. */
export function canChangeTarget(state: WizardState): boolean {
  return (state.phase === 'start' || state.phase === 'editing' || state.phase === 'review') && !state.resuming;
}

/** The flow: `(state, event) -> state`. Events that make no sense in the current phase leave it unchanged. */
export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'answer': {
      const answers: Answers = { ...state.answers };
      if (event.value === undefined) delete answers[event.path];
      else answers[event.path] = event.value;
      const submitError = state.submitError?.field === event.path ? undefined : state.submitError;
      return { ...touch(state, event.path), answers, touched: true, submitError };
    }
    case 'next':
      return state.phase === 'editing' && state.dialog === 'none' ? advance({ ...state, touched: true }) : state;
    case 'back':
      if (state.dialog !== 'none') return { ...state, dialog: 'none' };
      if (state.resuming) return state; // a pending submission is resent as it was, never edited
      if (state.phase === 'editing') return goBack({ ...touch(state, state.cursor), touched: true });
      return state.phase === 'review' ? goBack({ ...state, touched: true }) : state;
    case 'skip':
      if (state.phase !== 'editing' || state.dialog !== 'none') return state;
      // Tab never throws typed work away: a step with answers asks first.
      if (STEPS.find((step) => step.id === promptAt(state.cursor)?.step)?.optional && answersOfStep(state).length > 0) return { ...state, dialog: 'confirm-skip' };
      return skipStep(state);
    case 'confirmSkip':
      return state.phase === 'editing' && state.dialog === 'confirm-skip' ? skipStep({ ...state, dialog: 'none' }) : state;
    case 'jumpTo':
      if (!(state.phase === 'review' || state.phase === 'editing') || !promptAt(event.path) || state.resuming) return state;
      // A field opened from review was answered already: its errors show at once.
      return { ...touch(state, event.path), phase: 'editing', dialog: 'none', cursor: event.path, trail: [], returnToReview: true, touched: true };
    case 'chooseTarget': {
      if (!canChangeTarget(state)) return state;
      const { sandbox, profile, region } = event.choice;
      // Every answer stays; the old check no longer applies (nor a submission error it caused).
      return {
        ...state,
        sandbox,
        chosenProfile: sandbox ? state.chosenProfile : profile,
        chosenRegion: sandbox ? state.chosenRegion : region,
        targetVersion: state.targetVersion + 1,
        targetReport: undefined,
        region: sandbox ? undefined : region,
        dialog: 'none',
        submitError: undefined,
        touched: true,
      };
    }
    case 'recheckTarget':
      return wizardReducer(state, { type: 'chooseTarget', choice: targetChoiceOf(state) });
    case 'targetChecked': {
      if (event.version !== state.targetVersion) return state;
      const checked = { ...state, targetReport: event.report, region: event.report.target?.region ?? state.region };
      // A confirmation opened while the check ran closes: the review then says what stops creating.
      if (targetBlocker(checked) && state.dialog === 'confirm-submit') return { ...checked, dialog: 'none' };
      // A broken target (or one without HealthLake) is told on the first screen, before any step: the start
      // screen, while nothing was typed.
      const show = targetToTell(checked) && !state.touched && state.dialog === 'none' && (state.phase === 'editing' || state.phase === 'review');
      return show ? { ...checked, phase: 'start' } : checked;
    }
    case 'toggleHelp':
      return { ...state, longHelp: !state.longHelp };
    case 'clientTokenMade':
      return needsClientToken(state) ? { ...state, answers: { ...state.answers, [CLIENT_TOKEN_PATH]: event.token } } : state;
    case 'review':
      return state.phase === 'editing' ? { ...state, phase: 'review', trail: [], returnToReview: false } : state;
    case 'startChoices': {
      // A dry run sends nothing, so it offers no pending submission to resume.
      const choices = state.dryRun ? { ...event.choices, pending: [] } : event.choices;
      const show = startOffers(state, choices) && !state.touched && (state.phase === 'editing' || state.phase === 'review');
      return { ...state, start: choices, phase: show ? 'start' : state.phase };
    }
    case 'startFresh':
      if (state.phase !== 'start') return state;
      // A run whose every answer was given (flags, a preset) goes on to review, as it would have without the start screen.
      return { ...state, phase: state.given.length > 0 && !nextToAsk(state) ? 'review' : 'editing', touched: true };
    case 'startFrom':
      if (state.phase !== 'start') return state;
      // A preset is a whole set of answers (what it leaves out is left out): every parameter counts as given.
      return { ...restart(state, event.answers, event.asGiven ? PARAMETERS.map((parameter) => parameter.name) : [], event.preset), notice: `Starting from ${event.label}.` };
    case 'useSandbox': {
      if (state.phase !== 'start') return state;
      // With last answers or presets, the start screen stays to offer them, now in the sandbox.
      const more = state.given.length === 0 && state.start !== undefined && (state.start.lastAnswers !== undefined || state.start.presets.length > 0);
      return { ...state, sandbox: true, targetVersion: state.targetVersion + 1, targetReport: undefined, region: undefined, phase: more ? 'start' : 'editing', touched: true };
    }
    case 'resume':
      if (state.phase !== 'start' || state.dryRun) return state;
      return { ...state, phase: 'submitting', resuming: event.submission, answers: answersFromRequest(event.submission.request), touched: true };
    case 'openDialog':
      if (event.dialog === 'confirm-submit' && (state.phase !== 'review' || state.dryRun || targetBlocker(state) || hasErrors(answerIssues(state.answers, state)))) return state;
      if (event.dialog === 'change-target' && !canChangeTarget(state)) return state;
      if (event.dialog === 'save-preset' && state.phase !== 'review') return state;
      return { ...state, dialog: event.dialog };
    case 'closeDialog':
      return { ...state, dialog: 'none' };
    case 'presetSaved':
      return { ...state, dialog: 'none', notice: `Saved preset "${event.name}".` };
    case 'submit':
      // A dry run never sends: there is no path from its review to `submitting`.
      if (state.phase !== 'review' || state.dryRun || state.dialog !== 'confirm-submit' || targetBlocker(state) || hasErrors(answerIssues(state.answers, state))) return state;
      return { ...state, phase: 'submitting', dialog: 'none', submitError: undefined, notice: undefined };
    case 'submitted':
      if (state.phase !== 'submitting') return state;
      return { ...state, phase: 'watching', resuming: undefined, watch: { result: event.result, startedAt: event.at } };
    case 'submitFailed': {
      if (state.phase !== 'submitting') return state;
      // A resend whose outcome is still unknown stays bound to its target and token: creating instead (here, or
      // with edited answers) could make a second data store and would replace the only record of the first.
      const resuming = event.stillPending ? state.resuming : undefined;
      return { ...state, phase: 'review', submitError: event.error, resuming };
    }
    case 'status':
      return applyStatus(state, event.event);
    case 'expiry':
      return state.watch ? { ...state, watch: { ...state.watch, expiry: event.expiry } } : state;
  }
}

function applyStatus(state: WizardState, event: Extract<WizardEvent, { type: 'status' }>['event']): WizardState {
  const watch = state.watch;
  if (!watch || state.phase !== 'watching') return state;
  switch (event.type) {
    case 'status':
      return {
        ...state,
        watch: { ...watch, properties: event.properties, lastCheckAt: event.at.getTime(), nextCheckAt: event.nextCheckAt?.getTime(), transientError: undefined },
      };
    case 'transient-error':
      return { ...state, watch: { ...watch, transientError: event.error, lastCheckAt: event.at.getTime(), nextCheckAt: event.nextCheckAt.getTime() } };
    case 'done':
      return {
        ...state,
        phase: event.outcome === 'active' ? 'done' : 'failed',
        watch: { ...watch, properties: event.properties, lastCheckAt: event.at.getTime(), nextCheckAt: undefined, transientError: undefined },
      };
  }
}
