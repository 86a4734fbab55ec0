/**
 * The SMART metadata builder: endpoints, grant types, capabilities and PKCE methods, one part at a time, writing
 * the Metadata JSON as you go — or a raw JSON paste, validated the same way.
 */
import { Box, Text} from 'ink';
import { useState } from 'react';
import { SMART_METADATA } from '../../../spec/index.js';
import { ChoiceList } from '../choice/choice-list.js';
import type { PromptInputProps } from '../prompt-input-props.js';
import { TextInput } from '../text-input/text-input.js';
import { PKCE_METHODS, readMetadata, toggleInDocument, writeMetadata, type MetadataDocument, type MetadataList } from './metadata-document.js';
import { useCommands } from '../../use-commands.js';

type Part = 'how' | 'authorization_endpoint' | 'token_endpoint' | 'grant_types_supported' | 'capabilities' | 'code_challenge_methods_supported' | 'raw';

const BUILDER_PARTS: readonly Part[] = ['how', 'authorization_endpoint', 'token_endpoint', 'grant_types_supported', 'capabilities', 'code_challenge_methods_supported'];

const LIST_CHOICES: Partial<Record<Part, readonly { value: string; meaning?: string }[]>> = {
  grant_types_supported: SMART_METADATA.grantTypes,
  capabilities: SMART_METADATA.knownCapabilities.map((value) => ({ value })),
  code_challenge_methods_supported: PKCE_METHODS.map((value) => ({ value, meaning: value === SMART_METADATA.requiredCodeChallengeMethod ? 'required by HealthLake' : undefined })),
};

const PART_TITLES: Record<Part, string> = {
  how: 'How do you want to give the metadata?',
  authorization_endpoint: 'Authorization endpoint (https URL)',
  token_endpoint: 'Token endpoint (https URL)',
  grant_types_supported: 'Grant types (Space to tick, at least one)',
  capabilities: 'SMART capabilities (Space to tick)',
  code_challenge_methods_supported: 'PKCE code challenge methods (S256 is required)',
  raw: 'Paste the metadata JSON (Esc: back to the builder)',
};

/** The input for the JSON-holding Metadata member. */
export function SmartMetadataBuilder({ value, onAnswer, onNext, onBack, onHelp, isActive, frame }: PromptInputProps) {
  const text = typeof value === 'string' ? value : undefined;
  const document = readMetadata(text);
  const [part, setPart] = useState<Part>(document ? 'how' : 'raw');
  const [howChoice, setHowChoice] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const write = (next: MetadataDocument) => onAnswer(writeMetadata(next));
  const current = document ?? readMetadata(undefined)!;
  const choices = LIST_CHOICES[part];

  const go = (by: 1 | -1) => {
    const index = BUILDER_PARTS.indexOf(part) + by;
    setHighlight(0);
    if (index < 0) onBack?.();
    else if (index >= BUILDER_PARTS.length) onNext();
    else setPart(BUILDER_PARTS[index]!);
  };

  const commands = useCommands(
    part === 'raw'
      ? { next: onNext, back: () => setPart('how') }
      : part === 'how'
        ? {
            select: () => {
              if (howChoice === 1) {
                setPart('raw');
              } else {
                if (!document || text === undefined) write(current);
                go(1);
              }
            },
            up: () => setHowChoice(1 - howChoice),
            down: () => setHowChoice(1 - howChoice),
            back: onBack,
            help: onHelp,
          }
        : choices
          ? {
              next: () => go(1),
              up: () => setHighlight((highlight - 1 + choices.length) % choices.length),
              down: () => setHighlight((highlight + 1) % choices.length),
              toggle: () => {
                const next = toggleInDocument(current, part as MetadataList, choices[highlight]!.value);
                if (next !== current) write(next);
              },
              back: () => go(-1),
              help: onHelp,
            }
          : { next: () => go(1), back: () => go(-1), help: onHelp },
    { isActive },
  );

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
          highlighted={howChoice}
        />
      ) : null}
      {part === 'raw' ? <TextInput value={text ?? ''} onChange={(next) => onAnswer(next === '' ? undefined : next)} isActive={isActive} allowHelpKey /> : null}
      {part === 'authorization_endpoint' || part === 'token_endpoint' ? (
        <TextInput
          key={part}
          value={current[part]}
          onChange={(next) => write({ ...current, [part]: next })}
          isActive={isActive}
          placeholder="https://auth.example.com/..."
        />
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
      {part !== 'how' && part !== 'raw' ? <Text dimColor wrap="truncate-end">JSON: {text ?? ''}</Text> : null}
    </Box>,
    commands,
  );
}
