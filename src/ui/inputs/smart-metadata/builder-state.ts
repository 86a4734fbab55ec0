/**
 * The SMART metadata builder's state as a pure reducer: which part is shown (how to give it, each element, or
 * the raw paste), the highlight of its list, and what each command does to the answer's JSON. Tested without
 * rendering; `use-smart-metadata.ts` maps keys to these commands and `smart-metadata-builder.tsx` renders.
 */
import { SMART_METADATA } from '../../../parameter-model/index.js';
import { PKCE_METHODS, prefillMetadata, readMetadata, toggleInDocument, withIssuer, writeMetadata, type MetadataDocument, type MetadataList } from '../../../wizard-flow/metadata-document.js';

/** A part of the builder: the choice of how, one element of the document, or the raw JSON paste. */
export type BuilderPart = 'how' | 'authorization_endpoint' | 'token_endpoint' | MetadataList | 'issuer' | 'raw';

/**
 * The parts in the order the builder walks them (the raw paste is off the path: `how` leads to it). The issuer comes
 * first: Ctrl+P there fills the rest from its smart-configuration, before anything is typed by hand.
 */
export const BUILDER_PARTS: readonly BuilderPart[] = ['how', 'issuer', 'authorization_endpoint', 'token_endpoint', 'grant_types_supported', 'capabilities', 'code_challenge_methods_supported'];

/** The choices of the list parts, with a word on what each means where it helps. */
export const LIST_CHOICES: Partial<Record<BuilderPart, readonly { value: string; meaning?: string }[]>> = {
  grant_types_supported: SMART_METADATA.grantTypes,
  capabilities: SMART_METADATA.knownCapabilities.map((value) => ({ value })),
  code_challenge_methods_supported: PKCE_METHODS.map((value) => ({ value, meaning: value === SMART_METADATA.requiredCodeChallengeMethod ? 'required by HealthLake' : undefined })),
};

/** How the metadata is given on the `how` part. */
export type HowChoice = 'build' | 'paste';

/** The builder's local state; the JSON text itself is the caller's answer. */
export interface BuilderState {
  part: BuilderPart;
  how: HowChoice;
  /** The highlighted row of a list part. */
  highlight: number;
  /** The furthest part shown so far (an index into BUILDER_PARTS): the elements past it are not blamed yet. */
  reached: number;
}

/** Commands of the builder. */
export type BuilderCommand =
  /** ↑↓ on `how`: the other way of giving it. */
  | { type: 'switchHow' }
  /** Enter on `how`: the raw paste, or the first element (writing the starting document if there is none). */
  | { type: 'pickHow' }
  /** ↑↓ on a list part. */
  | { type: 'move'; by: 1 | -1 }
  /** Space on a list part: ticks or unticks the highlighted value. */
  | { type: 'toggle' }
  /** Enter (1) or Esc (-1) on an element: the next or previous part; past either end, the step goes on or back. */
  | { type: 'go'; by: 1 | -1 }
  /** Esc on the raw paste: back to the choice of how. */
  | { type: 'toBuilder' }
  /** Text typed into an endpoint. */
  | { type: 'typeEndpoint'; text: string }
  /** Text typed or pasted into the raw JSON field; empty leaves the metadata out. */
  | { type: 'typeRaw'; text: string }
  /** Text typed into the issuer; empty leaves it out of the document. */
  | { type: 'typeIssuer'; text: string }
  /** The issuer's smart-configuration arrived: fills the elements the person left empty. */
  | { type: 'prefill'; configuration: Record<string, unknown> };

/** The result of a command: the new state, the new answer when it changed, and whether the step goes on or back. */
export interface BuilderResult {
  state: BuilderState;
  answer?: { value: string | undefined };
  /** What a prefill filled: the element names (empty when the answer already had them all). */
  filled?: string[];
  leave?: 'next' | 'back';
}

/** Where the builder starts: with the choice of how, or with the raw text when the answer is no JSON object. */
export function initialBuilderState(text: string | undefined): BuilderState {
  // A document given before (a flag, a preset, an earlier visit) is answered whole: all of it is blamed.
  return { part: readMetadata(text) ? 'how' : 'raw', how: 'build', highlight: 0, reached: text === undefined ? 0 : BUILDER_PARTS.length - 1 };
}

/**
 * Whether an issue of the metadata is blamed now: one of an element the builder has not reached yet waits (typing
 * the issuer does not blame the empty endpoints asked next); the raw paste is blamed whole.
 */
export function blamesNow(state: BuilderState, field: string): boolean {
  if (state.part === 'raw') return true;
  const element = /^IdentityProviderConfiguration\.Metadata\.(\w+)/.exec(field)?.[1];
  const at = BUILDER_PARTS.indexOf(element as BuilderPart);
  return at === -1 || at <= state.reached;
}

/** The document the answer holds, or the starting one when it holds none. */
export function documentOf(text: string | undefined): MetadataDocument {
  return readMetadata(text) ?? readMetadata(undefined)!;
}

/** Applies a command to the builder over the answer's JSON `text`. */
export function builderReducer(state: BuilderState, text: string | undefined, command: BuilderCommand): BuilderResult {
  const current = documentOf(text);
  switch (command.type) {
    case 'switchHow':
      return { state: { ...state, how: state.how === 'build' ? 'paste' : 'build' } };
    case 'pickHow': {
      if (state.how === 'paste') return { state: { ...state, part: 'raw' } };
      const moved = builderReducer(state, text, { type: 'go', by: 1 });
      // Building starts from the answer's document, written out so that the JSON line shows it from the start.
      return readMetadata(text) && text !== undefined ? moved : { ...moved, answer: { value: writeMetadata(current) } };
    }
    case 'move': {
      const count = LIST_CHOICES[state.part]?.length ?? 0;
      return count === 0 ? { state } : { state: { ...state, highlight: (state.highlight + command.by + count) % count } };
    }
    case 'toggle': {
      const choice = LIST_CHOICES[state.part]?.[state.highlight];
      if (!choice) return { state };
      const next = toggleInDocument(current, state.part as MetadataList, choice.value);
      return next === current ? { state } : { state, answer: { value: writeMetadata(next) } };
    }
    case 'go': {
      const index = BUILDER_PARTS.indexOf(state.part) + command.by;
      if (index < 0) return { state: { ...state, highlight: 0 }, leave: 'back' };
      if (index >= BUILDER_PARTS.length) return { state: { ...state, highlight: 0 }, leave: 'next' };
      return { state: { ...state, part: BUILDER_PARTS[index]!, highlight: 0, reached: Math.max(state.reached, index) } };
    }
    case 'toBuilder':
      return { state: { ...state, part: 'how' } };
    case 'typeEndpoint':
      if (state.part !== 'authorization_endpoint' && state.part !== 'token_endpoint') return { state };
      return { state, answer: { value: writeMetadata({ ...current, [state.part]: command.text }) } };
    case 'typeRaw':
      return { state, answer: { value: command.text === '' ? undefined : command.text } };
    case 'typeIssuer': {
      if (state.part !== 'issuer') return { state };
      // First in the document, as in a smart-configuration: the JSON line shows it while the rest is built.
      return { state, answer: { value: writeMetadata(withIssuer(current, command.text)) } };
    }
    case 'prefill': {
      const { document, filled } = prefillMetadata(current, command.configuration);
      return filled.length === 0 ? { state, filled } : { state, answer: { value: writeMetadata(document) }, filled };
    }
  }
}

/** The issuer the answer's document names, or undefined. */
export function issuerOf(text: string | undefined): string | undefined {
  const issuer = readMetadata(text)?.issuer;
  return typeof issuer === 'string' && issuer.trim() !== '' ? issuer.trim() : undefined;
}
