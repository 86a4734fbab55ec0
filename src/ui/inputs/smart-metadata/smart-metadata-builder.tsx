/**
 * The SMART metadata builder: endpoints, grant types, capabilities and PKCE methods, one part at a time, writing
 * the Metadata JSON as you go — or a raw JSON paste, validated the same way.
 */
import { Box, Text } from 'ink';
import { SMART_METADATA } from '../../../parameter-model/index.js';
import { ChoiceList } from '../choice/choice-list.js';
import type { PromptInputProps } from '../prompt-input-props.js';
import { TextInput } from '../text-input/text-input.js';
import { blamesNow, BUILDER_PARTS, documentOf, LIST_CHOICES, type BuilderPart } from './builder-state.js';
import { useSmartMetadata } from './use-smart-metadata.js';

const PART_TITLES: Record<BuilderPart, string> = {
  how: 'How do you want to give the metadata?',
  authorization_endpoint: 'Authorization endpoint (https URL)',
  token_endpoint: 'Token endpoint (https URL)',
  grant_types_supported: 'Grant types (Space to tick, at least one)',
  capabilities: 'SMART capabilities (Space to tick)',
  code_challenge_methods_supported: 'PKCE code challenge methods (S256 is required)',
  issuer: 'Issuer URL (optional; Ctrl+P prefills the rest from it)',
  raw: 'Paste the metadata JSON (Esc: back to the builder)',
};

/** The input for the JSON-holding Metadata member: renders the builder's state (`use-smart-metadata.ts` has the keys). */
export function SmartMetadataBuilder({ value, onAnswer, onNext, onBack, onHelp, isActive, resources, frame }: PromptInputProps) {
  const text = typeof value === 'string' ? value : undefined;
  const { state, apply, commands, prefillNote } = useSmartMetadata({ text, onAnswer, onNext, onBack, onHelp, isActive, source: resources?.source });
  const { part, highlight } = state;
  const current = documentOf(text);
  const choices = LIST_CHOICES[part];
  const position = BUILDER_PARTS.indexOf(part);
  return frame(
    <Box flexDirection="column">
      <Text bold>
        {PART_TITLES[part]}
        {position > 0 ? <Text dimColor> ({position} of {BUILDER_PARTS.length - 1})</Text> : null}
      </Text>
      {part === 'how' ? (
        <ChoiceList
          rows={[
            { label: 'Build it', meaning: 'endpoints, grant types, capabilities and PKCE, one at a time' },
            { label: 'Paste raw JSON', meaning: 'a document you already have' },
          ]}
          highlighted={state.how === 'paste' ? 1 : 0}
        />
      ) : null}
      {part === 'raw' ? <TextInput value={text ?? ''} onChange={(next) => apply({ type: 'typeRaw', text: next })} isActive={isActive} allowHelpKey /> : null}
      {part === 'authorization_endpoint' || part === 'token_endpoint' ? (
        <TextInput
          key={part}
          value={current[part]}
          onChange={(next) => apply({ type: 'typeEndpoint', text: next })}
          isActive={isActive}
          placeholder="https://auth.example.com/..."
        />
      ) : null}
      {part === 'issuer' ? (
        <TextInput key={part} value={typeof current.issuer === 'string' ? current.issuer : ''} onChange={(next) => apply({ type: 'typeIssuer', text: next })} isActive={isActive} placeholder="https://auth.example.com" />
      ) : null}
      {choices ? (
        <ChoiceList
          rows={choices.map((choice) => ({
            label: choice.value,
            meaning: choice.meaning,
            checked: (current[part] as string[]).includes(choice.value),
            // Locked once ticked: S256 can be added to a pasted list that lacks it, never removed.
            locked: part === 'code_challenge_methods_supported' && choice.value === SMART_METADATA.requiredCodeChallengeMethod && (current[part]).includes(choice.value),
          }))}
          highlighted={highlight}
          height={5}
        />
      ) : null}
      {prefillNote && part !== 'how' && part !== 'raw' ? <Text>{prefillNote}</Text> : null}
      {part !== 'how' && part !== 'raw' ? <Text dimColor wrap="truncate-end">JSON: {text ?? ''}</Text> : null}
    </Box>,
    commands,
    (issue) => blamesNow(state, issue.field),
  );
}
