/**
 * The input for a value that names a resource of the target (the spec's `pickedFrom`: a KMS key, a Lambda
 * function): a picker over the Region's keys or functions, filterable by typing, that takes free text too. It
 * shows at once and fills in when the listing arrives; when listing is not allowed or fails, it is a text box
 * with the reason and the fix.
 */
import { Box } from 'ink';
import { RESOURCE_NAMES, resourceItems } from '../effects/resource-choices.js';
import { useResourceListing, type ResourceListingState } from '../effects/use-resource-listing.js';
import { Picker } from './picker/picker.js';
import { usePicker } from './picker/use-picker.js';
import { filterItems, usePickerState } from './picker/use-picker-state.js';
import type { PromptInputProps } from './prompt-input-props.js';

function listingNote(listing: ResourceListingState, kind: keyof typeof RESOURCE_NAMES, where: string, shown: number): string | undefined {
  const names = RESOURCE_NAMES[kind];
  if (listing === 'loading') return `Listing the ${names.plural} of ${where}… Type to filter, or type ${names.typed}.`;
  if (listing === 'none') return `Type ${names.typed}.`;
  if (!listing.ok) return `${listing.problem.message} ${listing.problem.fix}`.replace(/\s+/g, ' ');
  if (shown === 0) return `No ${names.plural} in ${where}. Type ${names.typed}.`;
  return listing.truncated ? `Only the first ${shown} ${names.plural} are listed; type ${names.typed} for another.` : undefined;
}

/** The picker (or, when nothing can be listed, the text box) for a `pickedFrom` leaf. */
export function ResourcePrompt({ prompt, value, onAnswer, onNext, onBack, isActive, resources, frame }: PromptInputProps) {
  const node = prompt.leaf!.node;
  const kind = node.kind === 'string' && node.pickedFrom ? node.pickedFrom : 'kms-key';
  const listing = useResourceListing(kind, resources?.source);
  const current = typeof value === 'string' ? value : undefined;
  // The filter starts as the current answer: its row is found at once, and Enter keeps it.
  const [state, dispatch] = usePickerState(current ?? '');
  const textOnly = listing === 'none' || (typeof listing === 'object' && !listing.ok);
  const listed = typeof listing === 'object' && listing.ok ? listing.items : [];
  const items = textOnly ? [] : resourceItems(kind, listed, current);
  const matching = filterItems(items, state.filter.value);
  const answer = (text: string) => onAnswer(text === '' && prompt.omittable ? undefined : text);
  const commands = usePicker({
    state,
    dispatch,
    count: matching.length,
    enter: 'next',
    isActive,
    onPick: (index) => {
      onAnswer(matching[index]!.value);
      onNext();
    },
    onPickTyped: (text) => {
      answer(text);
      onNext();
    },
    // As a text box, the value is answered as typed (and validated live, as any text prompt).
    ...(textOnly ? { onEdit: answer } : {}),
    onBack,
  });
  const example = node.examples[0];
  return frame(
    <Box flexDirection="column">
      <Picker
        state={state}
        matching={matching}
        total={items.length}
        textOnly={textOnly}
        placeholder={textOnly && example ? `e.g. ${example}` : `type to filter, or type ${RESOURCE_NAMES[kind].typed}`}
        noMatch={`Enter uses the typed text.`}
        note={listingNote(listing, kind, resources?.where ?? 'the Region', listed.length)}
        isActive={isActive}
      />
    </Box>,
    commands,
  );
}
